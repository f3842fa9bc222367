import type { Page } from '@playwright/test';
import path from 'node:path';

/** Where e2e screenshots go: test-results/screenshots/NAME.png */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.resolve(__dirname, '../../test-results/screenshots', `${name}.png`),
    fullPage: true,
  });
}
