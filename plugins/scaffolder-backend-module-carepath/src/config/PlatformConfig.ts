import type { Config } from '@backstage/config';
import type { DataClassification } from '@carepath/plugin-compliance-common';

/**
 * One database server the platform provisions into.
 *
 * @public
 */
export interface DatabaseServerConfig {
  name: string;
  /** Admin connection string. Secret. */
  connection: string;
  serviceHost?: string;
  default: boolean;
}

/**
 * Settings of the backup store.
 *
 * @public
 */
export interface BackupConfig {
  directory?: string;
  /** The decoded 32-byte key, absent when not configured. Secret. */
  encryptionKey?: Buffer;
  retentionDays: Record<DataClassification, number>;
}

/**
 * The `carepath:` config block, read once at start-up.
 *
 * @public
 */
export interface PlatformConfig {
  databaseServers: DatabaseServerConfig[];
  connectionLimit: number;
  backups: BackupConfig;
  environments: Array<{ name: string; clusters: string[] }>;
}

const defaultRetentionDays: Record<DataClassification, number> = {
  phi: 2190,
  pii: 2190,
  internal: 365,
  public: 30,
};

function readEncryptionKey(config: Config): Buffer | undefined {
  const text = config.getOptionalString('carepath.backups.encryptionKey');
  if (text === undefined) return undefined;
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) {
    // Never echo the value: it is a secret.
    throw new Error(
      `carepath.backups.encryptionKey must be 32 bytes encoded as base64, got ${key.length} bytes`,
    );
  }
  return key;
}

/**
 * Reads and validates the `carepath:` block.
 *
 * @public
 */
export function readPlatformConfig(config: Config): PlatformConfig {
  const servers = (
    config.getOptionalConfigArray('carepath.databases.servers') ?? []
  ).map(server => ({
    name: server.getString('name'),
    connection: server.getString('connection'),
    serviceHost: server.getOptionalString('serviceHost'),
    default: server.getOptionalBoolean('default') ?? false,
  }));
  const names = servers.map(s => s.name);
  if (new Set(names).size !== names.length) {
    throw new Error(
      `carepath.databases.servers: server names must be unique, got ${names.join(
        ', ',
      )}`,
    );
  }
  if (servers.filter(s => s.default).length > 1) {
    throw new Error(
      'carepath.databases.servers: at most one server may be the default',
    );
  }
  const connectionLimit =
    config.getOptionalNumber('carepath.databases.connectionLimit') ?? 20;
  if (!Number.isInteger(connectionLimit) || connectionLimit < 1) {
    throw new Error(
      `carepath.databases.connectionLimit must be a positive integer, got ${connectionLimit}`,
    );
  }
  const retentionDays = { ...defaultRetentionDays };
  for (const classification of Object.keys(
    defaultRetentionDays,
  ) as DataClassification[]) {
    const days = config.getOptionalNumber(
      `carepath.backups.retentionDays.${classification}`,
    );
    if (days !== undefined) {
      if (!Number.isInteger(days) || days < 1) {
        throw new Error(
          `carepath.backups.retentionDays.${classification} must be a positive number of days, got ${days}`,
        );
      }
      retentionDays[classification] = days;
    }
  }
  return {
    databaseServers: servers,
    connectionLimit,
    backups: {
      directory: config.getOptionalString('carepath.backups.directory'),
      encryptionKey: readEncryptionKey(config),
      retentionDays,
    },
    environments: (
      config.getOptionalConfigArray('carepath.environments') ?? []
    ).map(env => ({
      name: env.getString('name'),
      clusters: env.getStringArray('clusters'),
    })),
  };
}
