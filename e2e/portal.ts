import { expect, Page } from '@playwright/test';

/** Console errors seen on a page, for tests that promise a clean console. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', message => {
    // React's development build reports deprecations in upstream components
    // ("Warning: findDOMNode is deprecated ...") through console.error; the
    // production bundle has none of them. Everything else counts.
    if (message.type() === 'error' && !message.text().startsWith('Warning: ')) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', error => errors.push(error.message));
  return errors;
}

/** Signs in with the embedded default's guest provider. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in as Guest' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** Saves a full-page screenshot among the run's artifacts. */
export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: `e2e-artifacts/screenshots/${name}.png`,
    fullPage: true,
  });
}

const SIMULATOR_CONTROL = 'http://127.0.0.1:6442';
const SIMULATOR_ADMIN_TOKEN = 'carepath-embedded-admin';

/** Calls the kube-simulator's control API (scenarios, faults, down/up). */
export async function simulator(
  path: string,
  body?: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${SIMULATOR_CONTROL}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${SIMULATOR_ADMIN_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    throw new Error(
      `simulator ${path}: ${response.status} ${await response.text()}`,
    );
  }
}

/** Signs in as one of the embedded default's demo users (one per role). */
export async function signInAs(page: Page, displayName: string) {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${displayName}` }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

const BACKEND = 'http://localhost:7007';

/**
 * A Backstage token for one of the embedded default's demo users, once the
 * backend is up and its catalog knows the user.
 */
export async function demoUserToken(user: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${BACKEND}/api/auth/carepath-demo/refresh`, {
      headers: { 'x-carepath-demo-user': user },
    }).catch((error: Error) => {
      last = error.message;
      return undefined;
    });
    if (response?.ok) {
      return (await response.json()).backstageIdentity.token;
    }
    if (response) last = `${response.status} ${await response.text()}`;
    await new Promise(resolve => setTimeout(resolve, 1_000));
  }
  throw new Error(`demo user ${user} could not sign in: ${last}`);
}

/**
 * Runs a compliance evaluation as the platform team, so results exist. A
 * freshly started portal fills its catalog, then fleet maps it: until every
 * source answers, the evaluation is repeated.
 */
export async function evaluateCompliance(): Promise<void> {
  const token = await demoUserToken('pat.platform');
  const deadline = Date.now() + 180_000;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${BACKEND}/api/compliance/evaluate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = await response.text();
    if (
      response.status === 201 &&
      JSON.parse(body).unavailableSources.length === 0
    ) {
      return;
    }
    last = `${response.status} ${body.slice(0, 500)}`;
    await new Promise(resolve => setTimeout(resolve, 3_000));
  }
  throw new Error(`compliance evaluation never saw every source: ${last}`);
}
