import { expect, test } from '@playwright/test';
import { screenshot } from './screenshots';
import { signIn } from './signIn';

/** The embedded fleet's admin endpoint (fault injection), passed by scripts/test.js. */
const fleetUrl = process.env.KUBEYARD_E2E_FLEET_URL ?? 'http://127.0.0.1:6560';

async function setFault(cluster: string, faults: Record<string, unknown> | undefined) {
  const response = faults
    ? await fetch(`${fleetUrl}/_admin/faults/${cluster}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) })
    : await fetch(`${fleetUrl}/_admin/faults/${cluster}`, { method: 'DELETE' });
  expect(response.ok).toBe(true);
}

test('the fleet page lists every demo cluster with versions, nodes and zones', async ({ page }) => {
  await signIn(page);
  await page.goto('/kubeyard');
  for (const cluster of ['prod-eu', 'prod-us', 'staging', 'fed-host']) {
    await expect(page.getByRole('link', { name: cluster, exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText(/v1\.\d+\.\d+/).first()).toBeVisible();
  await screenshot(page, 'fleet');
});

test('the cluster page shows zones, the control plane and findings', async ({ page }) => {
  await signIn(page);
  await page.goto('/kubeyard/clusters/staging');
  await expect(page.getByText(/control plane/i).first()).toBeVisible();
  // staging runs a single control-plane node: a finding the page must show.
  await expect(page.getByText(/control-plane/i).first()).toBeVisible();
  await screenshot(page, 'cluster-staging');
  await page.goto('/kubeyard/clusters/prod-eu');
  await expect(page.getByText(/eu-west-1a/).first()).toBeVisible();
  await screenshot(page, 'cluster-prod-eu');
});

test('the federation page shows KubeFed and Karmada placements', async ({ page }) => {
  await signIn(page);
  await page.goto('/kubeyard/federation');
  await expect(page.getByText('KubeFed').first()).toBeVisible();
  await expect(page.getByText('Karmada').first()).toBeVisible();
  await expect(page.getByText('checkout').first()).toBeVisible();
  await expect(page.getByText('payments-api').first()).toBeVisible();
  await screenshot(page, 'federation');
});

test('a service page shows the service across clusters', async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/component/payments-api/clusters');
  await expect(page.getByText('prod-eu').first()).toBeVisible();
  await expect(page.getByText('prod-us').first()).toBeVisible();
  await screenshot(page, 'entity-clusters');
});

test("the kubernetes plugin's tab shows the service's pods from the simulated clusters", async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/component/payments-api/kubernetes');
  await expect(page.getByText('prod-eu').first()).toBeVisible();
  await expect(page.getByText(/payments-api/).first()).toBeVisible();
  await screenshot(page, 'entity-kubernetes');
});

test('a cluster put down shows its error while the rest of the fleet page works', async ({ page }) => {
  await signIn(page);
  await setFault('prod-us', { errorStatus: 503 });
  try {
    await page.goto('/kubeyard');
    await expect(page.getByText(/HTTP 503/).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('link', { name: 'prod-eu', exact: true }).first()).toBeVisible();
    await screenshot(page, 'fleet-cluster-down');
  } finally {
    await setFault('prod-us', undefined);
  }
});
