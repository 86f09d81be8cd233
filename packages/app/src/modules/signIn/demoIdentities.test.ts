import { ConfigReader } from '@backstage/config';
import { readDemoIdentities } from './demoIdentities';

describe('readDemoIdentities', () => {
  it('offers guest first, then each configured demo user through the demo provider', () => {
    const identities = readDemoIdentities(
      new ConfigReader({
        carepath: {
          signIn: {
            guest: true,
            demoUsers: [
              {
                user: 'pat.platform',
                displayName: 'Pat Platform',
                role: 'Platform team',
                description: 'Owns the platform actions.',
              },
            ],
          },
        },
      }),
    );
    expect(identities.map(i => [i.key, i.provider, i.headers])).toEqual([
      ['guest', 'guest', undefined],
      [
        'user:pat.platform',
        'carepath-demo',
        { 'x-carepath-demo-user': 'pat.platform' },
      ],
    ]);
  });

  it('offers nothing of the kind in production, where carepath.signIn turns it off', () => {
    expect(
      readDemoIdentities(
        new ConfigReader({
          carepath: { signIn: { guest: false, demoUsers: [], oidc: true } },
        }),
      ),
    ).toEqual([]);
  });
});
