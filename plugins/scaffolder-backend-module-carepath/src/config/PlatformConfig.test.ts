import { ConfigReader } from '@backstage/config';
import { readPlatformConfig } from './PlatformConfig';

const key = Buffer.alloc(32, 7).toString('base64');

describe('readPlatformConfig', () => {
  it('applies the defaults: connection limit 20, six years for phi and pii', () => {
    const config = readPlatformConfig(new ConfigReader({}));
    expect(config.connectionLimit).toBe(20);
    expect(config.backups.retentionDays).toEqual({
      phi: 2190,
      pii: 2190,
      internal: 365,
      public: 30,
    });
    expect(config.backups.encryptionKey).toBeUndefined();
  });

  it('reads servers, environments and the backup key', () => {
    const config = readPlatformConfig(
      new ConfigReader({
        carepath: {
          databases: {
            servers: [
              {
                name: 'main',
                connection: 'postgresql://a:b@db/postgres',
                default: true,
              },
            ],
            connectionLimit: 5,
          },
          backups: {
            directory: '/backups',
            encryptionKey: key,
            retentionDays: { internal: 400 },
          },
          environments: [{ name: 'production', clusters: ['production-eu'] }],
        },
      }),
    );
    expect(config.databaseServers).toEqual([
      {
        name: 'main',
        connection: 'postgresql://a:b@db/postgres',
        serviceHost: undefined,
        default: true,
      },
    ]);
    expect(config.backups.encryptionKey?.length).toBe(32);
    expect(config.backups.retentionDays.internal).toBe(400);
    expect(config.environments).toEqual([
      { name: 'production', clusters: ['production-eu'] },
    ]);
  });

  it('refuses a key of the wrong length without echoing it', () => {
    const short = Buffer.alloc(16, 9).toString('base64');
    expect(() =>
      readPlatformConfig(
        new ConfigReader({ carepath: { backups: { encryptionKey: short } } }),
      ),
    ).toThrow(
      'carepath.backups.encryptionKey must be 32 bytes encoded as base64, got 16 bytes',
    );
    let message = '';
    try {
      readPlatformConfig(
        new ConfigReader({ carepath: { backups: { encryptionKey: short } } }),
      );
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/got 16 bytes/);
    expect(message).not.toContain(short);
  });

  it('refuses duplicate servers, two defaults and a bad connection limit', () => {
    const server = (name: string) => ({
      name,
      connection: 'postgresql://db/postgres',
      default: true,
    });
    expect(() =>
      readPlatformConfig(
        new ConfigReader({
          carepath: { databases: { servers: [server('a'), server('a')] } },
        }),
      ),
    ).toThrow(/names must be unique/);
    expect(() =>
      readPlatformConfig(
        new ConfigReader({
          carepath: { databases: { servers: [server('a'), server('b')] } },
        }),
      ),
    ).toThrow(/at most one server may be the default/);
    expect(() =>
      readPlatformConfig(
        new ConfigReader({ carepath: { databases: { connectionLimit: 0 } } }),
      ),
    ).toThrow(/connectionLimit must be a positive integer/);
  });
});
