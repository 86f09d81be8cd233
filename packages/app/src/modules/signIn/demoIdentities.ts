import { Config } from '@backstage/config';

/** Someone the embedded default's sign-in page can sign in as. */
export interface DemoIdentity {
  key: string;
  provider: 'guest' | 'carepath-demo';
  headers?: Record<string, string>;
  title: string;
  role: string;
  description: string;
}

/** The identities `carepath.signIn` offers, guest first. */
export function readDemoIdentities(config: Config): DemoIdentity[] {
  const identities: DemoIdentity[] = [];
  if (config.getOptionalBoolean('carepath.signIn.guest')) {
    identities.push({
      key: 'guest',
      provider: 'guest',
      title: 'Guest',
      role: 'Developer',
      description:
        'A developer on the Clinical Data team: scaffold services, run day-2 actions on your own services, watch their health.',
    });
  }
  for (const user of config.getOptionalConfigArray(
    'carepath.signIn.demoUsers',
  ) ?? []) {
    const name = user.getString('user');
    identities.push({
      key: `user:${name}`,
      provider: 'carepath-demo',
      headers: { 'x-carepath-demo-user': name },
      title: user.getString('displayName'),
      role: user.getString('role'),
      description: user.getString('description'),
    });
  }
  return identities;
}
