import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { screenshot } from './screenshots';
import { signIn } from './signIn';

test('the costs page shows the demo fleet by owner, with unallocated cost, and exports CSV', async ({ page }) => {
  await signIn(page);
  await page.goto('/kubeyard/costs?period=last7');
  // legacy-batch has no owner: its cost is shown as unallocated, never hidden.
  await expect(page.getByText('Unallocated').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: /team-payments|Payments/ }).first()).toBeVisible();
  await screenshot(page, 'costs');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toContain('ChargePeriodStart');
  expect(csv).toContain('BilledCost');
  expect(csv.trim().split(/\r?\n/).length).toBeGreaterThan(1);
});

test('a Group page shows its costs card', async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/group/team-payments');
  const card = page.locator('.MuiCard-root', { has: page.getByText('Costs', { exact: true }) }).first();
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(card.getByText(/\$/).first()).toBeVisible();
  await screenshot(page, 'entity-group-costs');
});
