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
  const row = (id: string) =>
    page.getByRole('row', {
      name: new RegExp(`^${id.replace(/[.:-]/g, '\\$&')} `),
    });
  for (const id of ACTIONS) {
    await expect(row(id), id).toBeVisible();
  }
  await saveScreenshot(page, '07-installed-actions');
  // Each comes with its docs: provision's description and input schema.
  await expect(row('carepath:database:provision')).toContainText(
    'least-privilege login role',
  );
  await row('carepath:database:provision').click();
  await expect(page.getByText('dataClassification').first()).toBeVisible();
  await saveScreenshot(page, '07-installed-action-provision');
});
