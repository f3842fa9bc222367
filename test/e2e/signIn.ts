import { expect, type Page } from '@playwright/test';

/**
 * Signs in as the demo's guest and waits until the app has taken the session: navigating
 * before that lands on the sign-in page again.
 */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByText('Catalog').first()).toBeVisible();
}
