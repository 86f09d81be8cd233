import { expect, test } from '@playwright/test';
import { collectConsoleErrors, saveScreenshot, signInAsGuest } from './portal';

test('a newcomer signs in as guest and finds the demo services', async ({
  page,
}) => {
  const consoleErrors = collectConsoleErrors(page);

  await page.goto('/');
  await expect(
    page.getByRole('button', { name: 'Sign in as Guest' }),
  ).toBeVisible();
  await saveScreenshot(page, '00-sign-in');
  await signInAsGuest(page);
  await expect(page.getByRole('link', { name: 'fhir-gateway' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ehr-sync' })).toBeVisible();
  await saveScreenshot(page, '01-catalog');

  expect(consoleErrors).toEqual([]);
});
