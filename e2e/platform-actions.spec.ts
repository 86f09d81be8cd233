import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAs } from './portal';

/**
 * The platform team finds every platform-owned action, with its docs, on
 * the scaffolder's Installed Actions page.
 */
const ACTIONS = [
  'carepath:database:provision',
  'carepath:database:rotate-credentials',
  'carepath:database:backup',
  'carepath:database:restore',
  'carepath:database:decommission',
  'carepath:kubernetes:apply',
  'carepath:kubernetes:scale',
  'carepath:compliance:check',
  'carepath:catalog:lifecycle',
  'carepath:publish:local',
];

test('the Installed Actions page lists every platform action with its docs', async ({
  page,
}) => {
  await signInAs(page, 'Pat Platform');
  await page.goto('/create/actions');
  for (const id of ACTIONS) {
    const heading = page.getByRole('heading', { name: id, exact: true });
    await expect(heading, id).toBeVisible();
  }
  // Each comes with its description and input schema, e.g. provision's.
  const provision = page
    .getByRole('heading', { name: 'carepath:database:provision', exact: true })
    .locator('xpath=..');
  await expect(provision).toContainText(/PostgreSQL/);
  await expect(page.getByText('dataClassification').first()).toBeVisible();
  await saveScreenshot(page, '07-installed-actions');
});
