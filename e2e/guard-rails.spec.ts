import { expect, test } from '@playwright/test';
import { demoUserToken, saveScreenshot, signInAs } from './portal';

/**
 * What each role must not do is refused twice: the portal does not offer
 * it, and the backend refuses it anyway.
 */
test('a compliance officer is offered no template to run, and the API refuses one', async ({
  page,
}) => {
  await signInAs(page, 'Carol Compliance');
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Compliance' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Create' }),
  ).toHaveCount(0);
  // Templates stay readable for reference, with no way to run one.
  await page.goto('/create');
  await expect(
    page.getByText('FHIR R4 API service (TypeScript)'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose' })).toHaveCount(0);
  await saveScreenshot(page, '05-guard-rails-compliance-create');

  const token = await demoUserToken('carol.compliance');
  const response = await page.request.post(
    'http://localhost:7007/api/scaffolder/v2/tasks',
    {
      headers: { Authorization: `Bearer ${token}` },
      data: { templateRef: 'template:default/fhir-service', values: {} },
    },
  );
  expect(response.status()).toBe(403);
});

test("a developer cannot run a day-2 template on another group's service", async ({
  page,
}) => {
  await signInAs(page, 'Dana Developer');
  await page.goto('/create/templates/default/database-operations');
  await page.getByRole('textbox', { name: 'Service' }).click();
  await page
    .getByRole('option', { name: /claims-adjudication/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Operation' }).click();
  await page.getByRole('option', { name: 'Take a backup now' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page).toHaveURL(/\/create\/tasks\//);
  await expect(
    page
      .getByText(/Unauthorized action: carepath:database:backup|not allowed/i)
      .first(),
  ).toBeVisible({ timeout: 60_000 });
  await saveScreenshot(page, '05-guard-rails-day-2-refused');
});
