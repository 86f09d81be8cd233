import { expect, Page, test } from '@playwright/test';
import { demoUserToken, saveScreenshot, signInAs } from './portal';

/**
 * A developer scaffolds a PHI FHIR service with a database, exposed, from
 * the form, watches the task run step by step, and follows the links to
 * the new, healthy service.
 */
const name = `patient-notes-${Date.now().toString(36)}`;

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option').filter({ hasText: option }).first().click();
}

test('a developer creates a PHI FHIR service from the form and sees it healthy', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInAs(page, 'Dana Developer');
  await page.goto('/create/templates/default/fhir-service');

  const serviceName = page.getByRole('textbox', { name: 'Service name' });
  await serviceName.fill('Patient_Notes');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Clinical notes for the patient portal.');
  await pick(page, 'Owning team', 'Clinical Data');
  await pick(page, 'System', 'Clinical records');
  await page
    .getByRole('textbox', { name: 'Kubernetes namespace' })
    .fill('clinical-data');
  await page
    .getByRole('textbox', { name: 'On-call contact' })
    .fill('https://oncall.carepath.example/clinical-data');

  // An invalid name is refused in the form, before anything runs.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/must match pattern/).first()).toBeVisible();
  await saveScreenshot(page, '05-guard-rails-invalid-name');
  await serviceName.fill(name);
  await page.getByRole('button', { name: 'Next' }).click();

  // Data and exposure: PHI (the default) with its backup policy, a database,
  // reachable from outside.
  await expect(page.getByText('Data classification').first()).toBeVisible();
  await page
    .getByRole('checkbox', { name: /Reachable from outside the cluster/ })
    .check();
  await page
    .getByRole('textbox', { name: 'Public hostname' })
    .fill(`${name}.carepath.example`);
  await saveScreenshot(page, '04-golden-path-form');
  await page.getByRole('button', { name: 'Next' }).click();

  // Repository: the platform git server, the embedded default.
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task log streams step by step.
  await expect(page).toHaveURL(/\/create\/tasks\//);
  for (const step of [
    'Render the service',
    'Check compliance before publishing',
    'Publish to the platform git server',
    'Provision the database',
    'Deploy to the first environment',
    'Register in the catalog',
  ]) {
    await expect(page.getByText(step).first()).toBeVisible();
  }
  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 180_000 });
  await saveScreenshot(page, '04-golden-path-task');

  // What the run made exists: the repository, the database and the Secret
  // with its credentials in the service's namespace of the first cluster.
  const token = await demoUserToken('dana.developer');
  const backend = 'http://localhost:7007/api/scaffolder/carepath';
  const catalogInfo = await fetch(
    `${backend}/repos/${name}/raw/main/catalog-info.yaml`,
  );
  expect(catalogInfo.status).toBe(200);
  expect(await catalogInfo.text()).toContain(
    'carepath.io/data-classification: phi',
  );
  const records = await (
    await fetch(
      `${backend}/platform-records?entityRef=component:default/${name}`,
      { headers: { Authorization: `Bearer ${token}` } },
    )
  ).json();
  expect(records.databases).toEqual([
    expect.objectContaining({
      classification: 'phi',
      backupPolicy: { maxAgeHours: 24 },
    }),
  ]);
  const secret = await fetch(
    `http://127.0.0.1:6445/api/v1/namespaces/clinical-data/secrets/${name}-db-credentials`,
    { headers: { Authorization: 'Bearer carepath-embedded-admin' } },
  );
  expect(secret.status).toBe(200);

  // The links lead to the new entity, whose health turns Healthy.
  await openInCatalog.click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${name}`),
  );
  await expect(page.getByRole('heading', { name }).first()).toBeVisible();
  await page.goto(`/catalog/default/component/${name}/kubernetes-health`);
  await expect(
    page.getByRole('region', { name: 'staging' }).getByText('Healthy').first(),
  ).toBeVisible({ timeout: 90_000 });
  await saveScreenshot(page, '04-golden-path-healthy');
});
