import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import type { DatabaseServerConfig } from '../config/PlatformConfig';
import { scramVerifier } from './scramVerifier';

/** Marks databases and roles CarePath created, and for which entity. */
const claimPrefix = 'carepath:';

/** Where services reach a database, as written to their credentials Secret. */
export interface DatabaseEndpoint {
  host: string;
  port: number;
}

/**
 * An administered PostgreSQL server: creates, secures, rotates and drops the
 * per-service databases and their login roles. Every name passed in has been
 * validated against the database name rule; identifiers are quoted as well.
 */
export class DatabaseServer {
  readonly name: string;
  private readonly connection: string;
  private readonly serviceHost?: string;

  constructor(config: DatabaseServerConfig) {
    this.name = config.name;
    this.connection = config.connection;
    this.serviceHost = config.serviceHost;
  }

  /** The admin connection string. Secret: pass to child processes only via environment. */
  get adminConnection(): string {
    return this.connection;
  }

  get endpoint(): DatabaseEndpoint {
    const url = new URL(this.connection);
    return {
      host: this.serviceHost ?? url.hostname,
      port: Number(url.port || 5432),
    };
  }

  /** A connection string for `database` as `role` with `password`. Secret. */
  connectionUri(options: {
    database: string;
    role: string;
    password: string;
  }): string {
    const { host, port } = this.endpoint;
    return `postgresql://${encodeURIComponent(
      options.role,
    )}:${encodeURIComponent(
      options.password,
    )}@${host}:${port}/${encodeURIComponent(options.database)}`;
  }

  /** Runs `fn` with an admin client connected to `database` (default: the admin database). */
  async withAdminClient<T>(
    fn: (client: Client) => Promise<T>,
    database?: string,
  ): Promise<T> {
    // pg lets the connection string override a separate `database` option.
    const url = new URL(this.connection);
    if (database) url.pathname = `/${encodeURIComponent(database)}`;
    const client = new Client({
      connectionString: url.toString(),
      connectionTimeoutMillis: 15_000,
    });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  async roleExists(role: string): Promise<boolean> {
    return this.withAdminClient(async client => {
      const result = await client.query(
        'SELECT 1 FROM pg_roles WHERE rolname = $1',
        [role],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  async databaseExists(database: string): Promise<boolean> {
    return this.withAdminClient(async client => {
      const result = await client.query(
        'SELECT 1 FROM pg_database WHERE datname = $1',
        [database],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  /**
   * Who a database and role of this name belong to, read from the marker
   * {@link DatabaseServer.ensureDatabase} leaves on both. `exists` is false
   * when neither exists; `owner` is undefined for objects CarePath did not
   * create.
   */
  async claimOf(name: string): Promise<{ exists: boolean; owner?: string }> {
    return this.withAdminClient(async client => {
      const result = await client.query<{ comment: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1
         UNION ALL
         SELECT shobj_description(oid, 'pg_authid') AS comment FROM pg_roles WHERE rolname = $1`,
        [name],
      );
      if (result.rows.length === 0) return { exists: false };
      const owners = new Set(
        result.rows.map(row =>
          row.comment?.startsWith(claimPrefix)
            ? row.comment.slice(claimPrefix.length)
            : undefined,
        ),
      );
      return {
        exists: true,
        owner: owners.size === 1 ? [...owners][0] : undefined,
      };
    });
  }

  /**
   * Creates (or brings back to policy) a least-privilege login role and the
   * database it owns, closed to PUBLIC. Safe to run again. The role gets no
   * usable password here; {@link DatabaseServer.setPassword} sets it.
   */
  async ensureDatabase(options: {
    name: string;
    connectionLimit: number;
    /** The entity the database belongs to, marked on the database and role. */
    entityRef: string;
  }): Promise<{ createdRole: boolean; createdDatabase: boolean }> {
    const role = escapeIdentifier(options.name);
    const limit = Math.trunc(options.connectionLimit);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT CONNECTION LIMIT ${limit}`;
    const createdRole = !(await this.roleExists(options.name));
    const createdDatabase = !(await this.databaseExists(options.name));
    await this.withAdminClient(async client => {
      if (createdRole) {
        await client.query(`CREATE ROLE ${role} WITH ${attributes}`);
      } else {
        await client.query(`ALTER ROLE ${role} WITH ${attributes}`);
      }
      if (createdDatabase) {
        await client.query(`CREATE DATABASE ${role} OWNER ${role}`);
      } else {
        await client.query(`ALTER DATABASE ${role} OWNER TO ${role}`);
      }
      await client.query(`REVOKE ALL ON DATABASE ${role} FROM PUBLIC`);
      await client.query(
        `GRANT CONNECT, TEMPORARY ON DATABASE ${role} TO ${role}`,
      );
      const claim = escapeLiteral(`${claimPrefix}${options.entityRef}`);
      await client.query(`COMMENT ON ROLE ${role} IS ${claim}`);
      await client.query(`COMMENT ON DATABASE ${role} IS ${claim}`);
    });
    await this.withAdminClient(async client => {
      await client.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
      await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${role}`);
    }, options.name);
    return { createdRole, createdDatabase };
  }

  /** Sets the role's password; the old one stops working at once. */
  async setPassword(options: {
    role: string;
    password: string;
  }): Promise<void> {
    await this.withAdminClient(async client => {
      await client.query(
        `ALTER ROLE ${escapeIdentifier(
          options.role,
        )} WITH PASSWORD ${escapeLiteral(scramVerifier(options.password))}`,
      );
    });
  }

  /** Drops the database (ending its sessions) and then the role. Safe to run again. */
  async dropDatabase(options: { name: string }): Promise<void> {
    const name = escapeIdentifier(options.name);
    await this.withAdminClient(async client => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${name}`);
    });
  }

  /** How many tables (outside the system schemas) a database holds. */
  async countTables(database: string): Promise<number> {
    return this.withAdminClient(async client => {
      const result = await client.query<{ count: string }>(
        "SELECT count(*) AS count FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
      );
      return Number(result.rows[0].count);
    }, database);
  }

  /**
   * Drops a database only if it carries the given claim (see
   * {@link DatabaseServer.claimOf}); a database of that name that belongs to
   * anything else is left alone and reported. Safe to run again.
   */
  async dropClaimedDatabase(options: {
    name: string;
    claim: string;
  }): Promise<void> {
    const claim = await this.claimOf(options.name);
    if (!claim.exists) return;
    if (claim.owner !== options.claim) {
      throw new Error(
        `not dropping ${options.name}: it is not the database created for ${options.claim}`,
      );
    }
    await this.withAdminClient(async client => {
      await client.query(
        `DROP DATABASE IF EXISTS ${escapeIdentifier(
          options.name,
        )} WITH (FORCE)`,
      );
    });
  }

  /** Creates an empty database owned by `owner`, closed to PUBLIC (for restore tests). Safe to run again. */
  async createEmptyDatabase(options: {
    name: string;
    owner: string;
    /** What it is for, marked on the database (see {@link DatabaseServer.claimOf}). */
    claim: string;
  }): Promise<void> {
    const name = escapeIdentifier(options.name);
    const owner = escapeIdentifier(options.owner);
    await this.withAdminClient(async client => {
      if (!(await this.databaseExists(options.name))) {
        await client.query(`CREATE DATABASE ${name} OWNER ${owner}`);
      }
      await client.query(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
      await client.query(
        `COMMENT ON DATABASE ${name} IS ${escapeLiteral(
          `${claimPrefix}${options.claim}`,
        )}`,
      );
    });
    await this.withAdminClient(async client => {
      await client.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
      await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${owner}`);
    }, options.name);
  }
}
