import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { canonicalJson } from '@carepath/plugin-compliance-common';
import type { Knex } from 'knex';
import { sha256Hex } from '../evidence/HashChain';
import type { AuditTrail } from './AuditTrail';

/** Audit actions of Template entity changes. */
export const templateActions = {
  registered: 'template.registered',
  changed: 'template.changed',
  unregistered: 'template.unregistered',
} as const;

// The catalog applies what a location holds; it does not say who changed
// the file or registered the location.
const CATALOG_ACTOR = 'plugin:catalog';

interface TemplateHashRow {
  entity_ref: string;
  hash: string;
  location: string | null;
  seen_at: string;
}

/**
 * The hash of what a Template says: its definition as written, without
 * what the catalog adds while processing (uid, etag, generation,
 * relations, status).
 */
export function templateContentHash(entity: Entity): string {
  const {
    uid: _uid,
    etag: _etag,
    generation: _generation,
    ...metadata
  } = entity.metadata as Entity['metadata'] & { generation?: number };
  return sha256Hex(
    canonicalJson({
      apiVersion: entity.apiVersion,
      kind: entity.kind,
      metadata,
      spec: entity.spec,
    }),
  );
}

/**
 * Records every change to a Template entity in the audit trail, by
 * comparing the catalog's Templates with the content hashes seen last
 * time: new ones are registered, different ones changed, missing ones
 * unregistered. The comparison, the events and the new hashes commit
 * together, so a change is recorded once.
 */
export class TemplateAudit {
  readonly #options: {
    knex: Knex;
    catalog: CatalogService;
    auth: AuthService;
    auditTrail: AuditTrail;
    logger: LoggerService;
  };

  constructor(options: {
    knex: Knex;
    catalog: CatalogService;
    auth: AuthService;
    auditTrail: AuditTrail;
    logger: LoggerService;
  }) {
    this.#options = options;
  }

  async run(
    options: { now?: Date } = {},
  ): Promise<{ registered: number; changed: number; unregistered: number }> {
    const { knex, catalog, auth, auditTrail, logger } = this.#options;
    const now = options.now ?? new Date();
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      { filter: { kind: 'Template' } },
      { credentials },
    );
    const current = new Map(
      items.map(entity => [
        stringifyEntityRef(entity),
        {
          hash: templateContentHash(entity),
          location:
            entity.metadata.annotations?.[ANNOTATION_LOCATION] ??
            entity.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION] ??
            null,
        },
      ]),
    );
    const counts = { registered: 0, changed: 0, unregistered: 0 };
    await knex.transaction(async trx => {
      const seen = new Map(
        ((await trx('template_hashes')) as TemplateHashRow[]).map(row => [
          row.entity_ref,
          row,
        ]),
      );
      // The first look finds every existing Template: registered, as a baseline.
      const baseline = seen.size === 0;
      const record = (
        action: string,
        entityRef: string,
        details: Record<string, unknown>,
      ) =>
        auditTrail.record({
          trx,
          actor: CATALOG_ACTOR,
          action,
          entityRef,
          at: now,
          details,
        });
      for (const [entityRef, { hash, location }] of current) {
        const before = seen.get(entityRef);
        if (before?.hash === hash) {
          continue;
        }
        const row: TemplateHashRow = {
          entity_ref: entityRef,
          hash,
          location,
          seen_at: now.toISOString(),
        };
        if (!before) {
          await record(templateActions.registered, entityRef, {
            location,
            newHash: hash,
            ...(baseline ? { baseline: true } : {}),
          });
          await trx('template_hashes').insert(row);
          counts.registered += 1;
        } else {
          await record(templateActions.changed, entityRef, {
            location,
            ...(before.location !== location
              ? { previousLocation: before.location }
              : {}),
            oldHash: before.hash,
            newHash: hash,
          });
          await trx('template_hashes')
            .where({ entity_ref: entityRef })
            .update(row);
          counts.changed += 1;
        }
      }
      for (const [entityRef, before] of seen) {
        if (current.has(entityRef)) {
          continue;
        }
        await record(templateActions.unregistered, entityRef, {
          location: before.location,
          oldHash: before.hash,
        });
        await trx('template_hashes').where({ entity_ref: entityRef }).delete();
        counts.unregistered += 1;
      }
    });
    if (counts.registered + counts.changed + counts.unregistered > 0) {
      logger.info(
        `Template entities: ${counts.registered} registered, ${counts.changed} changed, ${counts.unregistered} unregistered (recorded in the audit trail)`,
      );
    }
    return counts;
  }
}
