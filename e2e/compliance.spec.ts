import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAs } from './portal';

test('a compliance officer evaluates and finds the score, failing controls and heat map', async ({
  page,
}) => {
  await signInAs(page, 'Carol Compliance');
  await page.goto('/compliance');
  await page.getByRole('button', { name: /evaluate now/i }).click();
  await expect(page.getByText('Heat map')).toBeVisible();
  // The demo fleet's gaps: imaging-viewer runs as the default ServiceAccount.
  await expect(page.getByText('imaging-viewer').first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText('CP-IAM-01').first()).toBeVisible();
  await expect(page.getByText(/\d+%/).first()).toBeVisible();
  await saveScreenshot(page, '06-compliance-overview');
});
