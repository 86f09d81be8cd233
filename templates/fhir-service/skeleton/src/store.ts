import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FhirResource, ResourceType } from './fhir.ts';

export interface ResourceStore {
  read(type: ResourceType, id: string): Promise<FhirResource | undefined>;
  create(type: ResourceType, resource: FhirResource): Promise<FhirResource>;
  /** Returns undefined when no resource of that type has the id. */
  update(
    type: ResourceType,
    id: string,
    resource: FhirResource,
  ): Promise<FhirResource | undefined>;
  /** Throws when the store cannot serve requests. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

function stamp(
  resource: FhirResource,
  id: string,
  version: number,
): FhirResource {
  return {
    ...resource,
    id,
    meta: {
      ...resource.meta,
      versionId: String(version),
      lastUpdated: new Date().toISOString(),
    },
  } as FhirResource;
}

/** For local development and tests only: nothing survives a restart. */
export class MemoryStore implements ResourceStore {
  private readonly resources = new Map<string, FhirResource>();

  async read(type: ResourceType, id: string) {
    return this.resources.get(`${type}/${id}`);
  }

  async create(type: ResourceType, resource: FhirResource) {
    const stored = stamp(resource, randomUUID(), 1);
    this.resources.set(`${type}/${stored.id}`, stored);
    return stored;
  }

  async update(type: ResourceType, id: string, resource: FhirResource) {
    const current = this.resources.get(`${type}/${id}`);
    if (!current) return undefined;
    const stored = stamp(
      resource,
      id,
      Number(current.meta?.versionId ?? '1') + 1,
    );
    this.resources.set(`${type}/${id}`, stored);
    return stored;
  }

  async ping() {}

  async close() {}
}

/**
 * PostgreSQL storage. The connection comes from the standard PG* variables,
 * filled from the platform-provisioned credentials Secret.
 */
export class PgStore implements ResourceStore {
  private readonly pool: pg.Pool;

  constructor(pool?: pg.Pool) {
    this.pool =
      pool ??
      new pg.Pool({
        max: 10,
        connectionTimeoutMillis: 5000,
        idleTimeoutMillis: 30000,
        ssl: process.env.PGSSLMODE === 'disable' ? false : undefined,
      });
  }

  async migrate() {
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS fhir_resources (
        resource_type text NOT NULL,
        id text NOT NULL,
        version integer NOT NULL,
        resource jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (resource_type, id)
      )`);
  }

  async read(type: ResourceType, id: string) {
    const { rows } = await this.pool.query(
      'SELECT resource FROM fhir_resources WHERE resource_type = $1 AND id = $2',
      [type, id],
    );
    return rows[0]?.resource as FhirResource | undefined;
  }

  async create(type: ResourceType, resource: FhirResource) {
    const stored = stamp(resource, randomUUID(), 1);
    await this.pool.query(
      'INSERT INTO fhir_resources (resource_type, id, version, resource) VALUES ($1, $2, 1, $3)',
      [type, stored.id, stored],
    );
    return stored;
  }

  async update(type: ResourceType, id: string, resource: FhirResource) {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        'SELECT version FROM fhir_resources WHERE resource_type = $1 AND id = $2 FOR UPDATE',
        [type, id],
      );
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const stored = stamp(resource, id, Number(rows[0].version) + 1);
      await client.query(
        'UPDATE fhir_resources SET version = $3, resource = $4, updated_at = now() WHERE resource_type = $1 AND id = $2',
        [type, id, Number(stored.meta?.versionId), stored],
      );
      await client.query('COMMIT');
      return stored;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async ping() {
    await this.pool.query('SELECT 1');
  }

  async close() {
    await this.pool.end();
  }
}
