import type { AuditorService } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
// Tests write to the compliance plugin's own trail, as the deployed actions do over HTTP.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import {
  AuditTrail,
  migrateComplianceDatabase,
  type AuditEvent,
} from '@carepath/plugin-compliance-backend';
import type { AuditTrailWriter } from '../audit/ComplianceAuditTrail';
import type { PlatformAudit } from '../audit/PlatformAudit';

/**
 * The compliance plugin's own audit trail on its own SQLite database, as the
 * writer the actions use; `available = false` makes it refuse like an
 * unreachable compliance plugin.
 */
export class TestAuditTrail implements AuditTrailWriter {
  available = true;

  static async create(options: {
    databases: TestDatabases;
    transcript?: string[];
  }): Promise<TestAuditTrail> {
    const knex = await options.databases.init('SQLITE_3');
    await migrateComplianceDatabase(knex);
    return new TestAuditTrail(
      new AuditTrail({ knex }),
      options.transcript ?? [],
    );
  }

  private constructor(
    private readonly trail: AuditTrail,
    private readonly transcript: string[],
  ) {}

  async record(entry: Parameters<AuditTrailWriter['record']>[0]) {
    if (!this.available) {
      throw new Error(
        'the compliance audit trail is unreachable (connect ECONNREFUSED)',
      );
    }
    const event = await this.trail.record({
      ...entry,
      actor: entry.actor ?? 'plugin:scaffolder',
    });
    this.transcript.push(`trail ${JSON.stringify(event)}`);
    return event;
  }

  list(): Promise<AuditEvent[]> {
    return this.trail.list();
  }

  /** What the actions take: this trail beside the given auditor service. */
  platformAudit(auditor: AuditorService): PlatformAudit {
    return {
      auditor,
      trail: this,
      logger: mockServices.logger.mock(),
      retryDelaysMs: [1, 1],
    };
  }
}
