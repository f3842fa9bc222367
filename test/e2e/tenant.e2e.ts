import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './screenshots';
import { signIn } from './signIn';

const TENANT = `e2e-shop-${Date.now().toString(36)}`;

/** Picks an option from a Backstage entity picker (an MUI Autocomplete). */
async function pick(page: Page, label: RegExp, text: string) {
  const input = page.getByLabel(label).first();
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: new RegExp(text) }).first().click();
}

test('a developer requests a tenant with the template, then verifies it on its page', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page);
  await page.goto('/create/templates/default/kubernetes-tenant');
  await expect(page.getByText('Kubernetes tenant').first()).toBeVisible();

  await page.getByLabel(/^Name/).first().fill(TENANT);
  await page.getByLabel(/^Display name/).first().fill('E2E shop');
  await pick(page, /^Owner/, 'Checkout');
  await page.getByLabel(/^Cost center/).first().fill('cc-1002');
  await page.getByLabel(/^Contact/).first().fill('bob@example.com');
  await screenshot(page, 'tenant-template-form');
  await page.getByRole('button', { name: 'Next' }).click();

  // The demo's prod clusters have no quota headroom left (Kubeyard would refuse the tenant with
  // a field message); the federation host has room for an xs tenant.
  await pick(page, /^Clusters/, 'fed-host');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(/^Tier/).first().click();
  await page.getByRole('option', { name: /^xs:/ }).click();
  // Security and network, and people: the defaults will do.
  for (let step = 0; step < 2; step += 1) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  // People: a developer picked from the catalog's users.
  await pick(page, /^Developers/, 'Bob');
  await page.getByRole('button', { name: 'Review' }).click();
  await screenshot(page, 'tenant-template-review');
  await page.getByRole('button', { name: 'Create' }).click();

  // The task log shows plan, apply and verify; the output links to the tenant page.
  await expect(page.getByText(/Plan/i).first()).toBeVisible();
  const tenantLink = page.getByRole('link', { name: /tenant page|Open tenant/i }).first();
  await expect(tenantLink).toBeVisible({ timeout: 240_000 });
  await screenshot(page, 'tenant-template-done');

  await page.goto(`/kubeyard/tenants/${TENANT}`);
  await expect(page.getByText(TENANT).first()).toBeVisible();
  await expect(page.getByText('fed-host').first()).toBeVisible();
  await page.getByRole('button', { name: /verify/i }).first().click();
  await expect(page.getByText(/passed/i).first()).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'tenant-page-verified');
});

test("the tenant's backups: Schedules from its tier with a backup now, then a restore drill", async ({ page }) => {
  test.setTimeout(420_000);
  await signIn(page);
  // fed-host backs up in one simulated minute; simulated time follows the wall clock.
  await page.goto('/create/templates/default/backup-schedule');
  await page.getByLabel(/^Tenant/).first().fill(TENANT);
  await page.getByLabel(/Back up now as well/).first().check();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('link', { name: /Open the backups page/ }).first()).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText(/kubeyard-.*-daily/).first()).toBeVisible();
  await screenshot(page, 'backup-schedule-done');

  await page.goto('/create/templates/default/restore-drill');
  await pick(page, /^Cluster/, 'fed-host');
  await page.getByLabel(/^Namespace/).first().fill(TENANT);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(/Restored in/).first()).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText(/compliant/).first()).toBeVisible();
  await screenshot(page, 'restore-drill-done');
});

test('the tenants and ownership pages list tenants and ownership findings of the demo', async ({ page }) => {
  await signIn(page);
  await page.goto('/kubeyard/tenants');
  await expect(page.getByRole('heading', { name: /tenants/i }).first()).toBeVisible();
  await screenshot(page, 'tenants');
  await page.goto('/kubeyard/ownership');
  // legacy-batch has no owner label; analytics-prod's owner is not a catalog Group.
  await expect(page.getByText('legacy-batch').first()).toBeVisible();
  await expect(page.getByText(/team-unknown/).first()).toBeVisible();
  await screenshot(page, 'ownership');
});

test('the backups page shows the fleet, the timeline and coverage', async ({ page }) => {
  await signIn(page);
  await page.goto('/kubeyard/backups');
  await expect(page.getByText('prod-eu').first()).toBeVisible();
  await expect(page.getByText(/Unavailable|unavailable/).first()).toBeVisible();
  await screenshot(page, 'backups');
  await page.goto('/catalog/default/component/payments-api');
  await expect(page.getByText('Backups').first()).toBeVisible();
  await screenshot(page, 'entity-backups-card');
});
