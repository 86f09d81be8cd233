import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConfigReader, type Config, type JsonObject } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { SIX_YEARS_IN_DAYS } from '../evidence/EvidenceStore';

/**
 * The `compliance` config block, validated.
 *
 * @public
 */
export interface ComplianceConfig {
  /** Replaces the shipped HIPAA controls when set. */
  controlsFile?: string;
  /** How often the controls file is re-read. */
  controlsReloadMinutes: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
  /** How long the first scheduled evaluation waits for the catalog and fleet. */
  startupWaitSeconds: number;
  /** How often Template entities are compared with the last seen ones. */
  templateAuditMinutes: number;
  /** Demo exemptions to seed (development installations only). */
  demoExemptionsFile?: string;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

function positive(block: Config, key: string, fallback: number) {
  const value = block.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new InputError(
      `carepath.compliance.${key} must be a positive number, got ${value}`,
    );
  }
  return value;
}

/**
 * Reads `carepath.compliance.*`, over the older top-level `compliance.*`
 * (a key in both takes the `carepath` value). Refuses an evidence retention under six years unless
 * `compliance.evidence.allowShortRetention` is true: HIPAA 45 CFR
 * 164.316(b)(2)(i) requires compliance documentation be kept six years, and
 * the evidence is that documentation.
 *
 * @public
 */
export function readComplianceConfig(config: Config): ComplianceConfig {
  const block = ConfigReader.fromConfigs(
    ['compliance', 'carepath.compliance'].map(context => ({
      context,
      data: config.getOptionalConfig(context)?.get<JsonObject>() ?? {},
    })),
  );
  const controlsFile = block.getOptionalString('controlsFile');
  const controlsReloadMinutes =
    block.getOptionalNumber('controlsReloadMinutes') ?? 5;
  if (!(controlsReloadMinutes > 0)) {
    throw new InputError(
      `compliance.controlsReloadMinutes must be a positive number, got ${controlsReloadMinutes}`,
    );
  }
  const schedule = block.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        block.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  const retentionDays =
    block.getOptionalNumber('evidence.retentionDays') ?? SIX_YEARS_IN_DAYS;
  const allowShort =
    block.getOptionalBoolean('evidence.allowShortRetention') ?? false;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new InputError(
      `compliance.evidence.retentionDays must be a whole number of days, got ${retentionDays}`,
    );
  }
  if (retentionDays < SIX_YEARS_IN_DAYS && !allowShort) {
    throw new InputError(
      `compliance.evidence.retentionDays is ${retentionDays}, under six years (${SIX_YEARS_IN_DAYS} days). ` +
        'HIPAA 45 CFR 164.316(b)(2)(i) requires compliance documentation be retained for six years, ' +
        'and the evidence is that documentation. Set compliance.evidence.allowShortRetention: true ' +
        'only for non-production installations.',
    );
  }
  const demoExemptionsFile = block.getOptionalString('demo.exemptionsFile');
  return {
    ...(controlsFile ? { controlsFile } : {}),
    controlsReloadMinutes,
    schedule,
    retentionDays,
    startupWaitSeconds: positive(block, 'startupWaitSeconds', 300),
    templateAuditMinutes: positive(block, 'templateAudit.frequencyMinutes', 2),
    ...(demoExemptionsFile ? { demoExemptionsFile } : {}),
  };
}
