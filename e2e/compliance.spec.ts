import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import {
  demoUserToken,
  evaluateCompliance,
  saveScreenshot,
  signInAs,
} from './portal';

const BACKEND = 'http://localhost:7007';
const SERVICE = 'component:default/imaging-viewer';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await evaluateCompliance();
});

test('a compliance officer finds the score, the heat map, the trend and the failing controls', async ({
  page,
}) => {
  await signInAs(page, 'Carol Compliance');
  await page.goto('/compliance');
  await expect(page.getByText('Heat map')).toBeVisible();
  await expect(page.getByText('Score over the last 30 days')).toBeVisible();
  await expect(page.getByText(/\d+%/).first()).toBeVisible();
  // The demo fleet's gaps: imaging-viewer runs as the default ServiceAccount.
  await expect(page.getByText('imaging-viewer').first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText('CP-IAM-01').first()).toBeVisible();
  await saveScreenshot(page, '06-compliance-overview');
});

test("approving a pending exemption changes the service's result", async ({
  page,
}) => {
  // Dana's team owns imaging-viewer; she asks for an exemption through the API
  // (the entity page's dialog is covered by the plugin's own tests).
  const dana = await demoUserToken('dana.developer');
  // A control imaging-viewer fails and has no exemption yet (a run on a
  // portal that is still up from an earlier run takes the next one).
  const current = await (
    await fetch(
      `${BACKEND}/api/compliance/results/component/default/imaging-viewer`,
      { headers: { Authorization: `Bearer ${dana}` } },
    )
  ).json();
  const CONTROL = (
    current.results as Array<{ controlId: string; status: string }>
  ).find(r => r.status === 'fail')?.controlId;
  if (!CONTROL) throw new Error('imaging-viewer fails no control any more');
  const requested = await fetch(`${BACKEND}/api/compliance/exemptions`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${dana}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      entityRef: SERVICE,
      controlId: CONTROL,
      justification:
        'The viewer mounts a projected token for the DICOM proxy until the proxy moves to workload identity.',
      expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    }),
  });
  expect(requested.status, await requested.text()).toBe(201);

  await signInAs(page, 'Carol Compliance');
  await page.goto(`/catalog/default/component/imaging-viewer/compliance`);
  const control = page.getByRole('region', {
    name: new RegExp(`^${CONTROL} `),
  });
  await expect(control).toContainText(/Fail/);

  await page.goto('/compliance/exemptions');
  await page
    .getByRole('button', { name: `Approve ${CONTROL} for ${SERVICE}` })
    .first()
    .click();
  await page
    .getByRole('textbox', { name: 'Comment' })
    .fill('Accepted until the DICOM proxy moves to workload identity.');
  await saveScreenshot(page, '06-compliance-approve-exemption');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Approve' })
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.goto(`/catalog/default/component/imaging-viewer/compliance`);
  await expect(control).toContainText(/Exempt/, { timeout: 30_000 });
  await saveScreenshot(page, '06-compliance-exempt-result');
});

test('the CSV export downloads with one row per service and control', async ({
  page,
}) => {
  await signInAs(page, 'Carol Compliance');
  await page.goto('/compliance');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const rows: Record<string, string>[] = parse(await readFile(file), {
    columns: true,
    bom: true,
  });

  // The same services and, per service, exactly its controls' results.
  const carol = await demoUserToken('carol.compliance');
  const api = async (path: string) =>
    (
      await fetch(`${BACKEND}/api/compliance${path}`, {
        headers: { Authorization: `Bearer ${carol}` },
      })
    ).json();
  const { items } = await api('/results?limit=500');
  const refs = (items as Array<{ entityRef: string }>).map(i => i.entityRef);
  const entityOf = (row: Record<string, string>) => row.entityRef ?? row.entity;
  const controlOf = (row: Record<string, string>) =>
    row.controlId ?? row.control;
  expect(new Set(rows.map(entityOf))).toEqual(new Set(refs));
  const pairs = new Set(rows.map(row => `${entityOf(row)}|${controlOf(row)}`));
  expect(pairs.size).toBe(rows.length);
  for (const ref of refs) {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const service = await api(`/results/${kind}/${namespace}/${name}`);
    expect(rows.filter(row => entityOf(row) === ref).length, ref).toBe(
      service.results.length,
    );
  }
});
