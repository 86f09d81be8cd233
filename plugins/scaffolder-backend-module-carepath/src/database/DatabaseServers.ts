import { InputError } from '@backstage/errors';
import type { DatabaseServerConfig } from '../config/PlatformConfig';
import { DatabaseServer } from './DatabaseServer';

/** The configured database servers, looked up by name. */
export class DatabaseServers {
  private readonly servers: DatabaseServer[];
  private readonly defaultName?: string;

  constructor(configs: DatabaseServerConfig[]) {
    this.servers = configs.map(config => new DatabaseServer(config));
    this.defaultName =
      configs.find(c => c.default)?.name ??
      (configs.length === 1 ? configs[0].name : undefined);
  }

  /** The named server, or the default; InputError naming the known servers otherwise. */
  get(name?: string): DatabaseServer {
    const wanted = name ?? this.defaultName;
    const known = this.servers.map(s => s.name);
    if (!wanted) {
      throw new InputError(
        `server: no server given and no default configured in carepath.databases.servers; known servers: ${
          known.join(', ') || 'none'
        }`,
      );
    }
    const server = this.servers.find(s => s.name === wanted);
    if (!server) {
      throw new InputError(
        `server: unknown database server "${wanted}"; known servers: ${
          known.join(', ') || 'none'
        }`,
      );
    }
    return server;
  }
}
