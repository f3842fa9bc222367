import { expect, test } from '@playwright/test';
import { screenshot } from './screenshots';
import { signIn } from './signIn';

test('guest signs in and sees the catalog of the demo organisation', async ({ page }) => {
  await signIn(page);
  // The guest is in the platform team; the catalog starts filtered to what it owns.
  await page.getByText('All', { exact: true }).first().click();
  await expect(page.getByRole('link', { name: 'payments-api' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'checkout', exact: true })).toBeVisible();
  await screenshot(page, 'catalog');
});

test('a demo service page shows its owner and system', async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/component/payments-api');
  await expect(page.getByText('Payment authorisation API', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Payments' }).first()).toBeVisible();
  // Kubernetes and Kubeyard's Clusters tab are grouped under Deployment.
  await page.getByText('Deployment', { exact: true }).first().click();
  await expect(page.getByText('Kubernetes', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Clusters', { exact: true }).first()).toBeVisible();
  await screenshot(page, 'entity-payments-api');
});

test('Create lists the Software Templates', async ({ page }) => {
  await signIn(page);
  await page.goto('/create');
  await expect(page.getByRole('heading', { name: /Create a new component|Templates/i }).first()).toBeVisible();
  await expect(page.getByText('Onboard a Kubernetes workload').first()).toBeVisible();
  await screenshot(page, 'create');
});
