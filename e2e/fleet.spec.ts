import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAsGuest, simulator } from './portal';

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  // Leave the embedded default as it was for the next scenario.
  await simulator('/clusters/prod-west/up');
  await simulator('/clusters/staging/scenarios', {
    namespace: 'clinical-data',
    kind: 'Deployment',
    name: 'ehr-sync',
    scenario: null,
  });
});

test('the Fleet page shows every demo service with health per cluster and live changes', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/fleet');

  const ehrSync = page.getByRole('row', { name: /ehr-sync/ });
  // A freshly started portal fills its catalog, then fleet maps it: the
  // page fills in by itself once that is done.
  await expect(ehrSync).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('row', { name: /fhir-gateway/ })).toBeVisible();
  // An unhealthy demo service shows its reason.
  await expect(ehrSync).toContainText(/Degraded/);
  await ehrSync.getByText('Degraded').first().hover();
  await expect(page.getByRole('tooltip')).toContainText(/CrashLoopBackOff/);
  await saveScreenshot(page, '02-fleet');

  // Break ehr-sync in staging through the simulator: the page shows it
  // within 5 s without a reload.
  const before = await ehrSync.textContent();
  await simulator('/clusters/staging/scenarios', {
    namespace: 'clinical-data',
    kind: 'Deployment',
    name: 'ehr-sync',
    scenario: 'crashloop',
  });
  await expect
    .poll(async () => (await ehrSync.textContent()) !== before, {
      timeout: 5_000,
    })
    .toBe(true);

  // A cluster going down shows a banner while the rest still renders.
  await simulator('/clusters/prod-west/down');
  await expect(
    page
      .getByText(/prod-west/)
      .filter({ hasText: /unreachable|stale/i })
      .first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('row', { name: /fhir-gateway/ })).toBeVisible();
  await saveScreenshot(page, '02-fleet-cluster-down');
});
