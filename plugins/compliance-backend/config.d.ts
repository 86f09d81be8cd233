import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** Settings of the compliance backend. */
interface ComplianceSettings {
  /**
   * Path of a controls YAML file that replaces the shipped HIPAA controls.
   * A file that fails validation is refused and the last good set stays.
   * @visibility backend
   */
  controlsFile?: string;
  /**
   * How often the controls file is re-read, in minutes. Default 5.
   * @visibility backend
   */
  controlsReloadMinutes?: number;
  /**
   * When the evaluation runs. Default: every 15 minutes, once across replicas.
   * @visibility backend
   */
  schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  /**
   * How long the first scheduled evaluation after a start waits for the
   * catalog to be read and every fleet cluster to sync, in seconds.
   * Default 300. After it, the evaluation runs and records which fleet
   * data was partial.
   * @visibility backend
   */
  startupWaitSeconds?: number;
  /**
   * The audit of Template entities (registered, changed, unregistered).
   * @visibility backend
   */
  templateAudit?: {
    /**
     * How often Template entities are compared with the last seen ones, in
     * minutes. Default 2.
     * @visibility backend
     */
    frequencyMinutes?: number;
  };
  /**
   * Demo data for development installations; refused when NODE_ENV is
   * production.
   * @visibility backend
   */
  demo?: {
    /**
     * A YAML file of exemptions (requested, approved or rejected) to seed
     * once, for the demo fleet.
     * @visibility backend
     */
    exemptionsFile?: string;
  };
  /**
   * Evidence retention.
   * @visibility backend
   */
  evidence?: {
    /**
     * Days evidence is kept before the purge may remove it. Default 2190
     * (six years, HIPAA 45 CFR 164.316(b)(2)(i)).
     * @visibility backend
     */
    retentionDays?: number;
    /**
     * Allow a retention under six years (non-production installations only).
     * @visibility backend
     */
    allowShortRetention?: boolean;
  };
}

export interface Config {
  carepath?: {
    /**
     * The compliance backend. Keys here take precedence over the same keys
     * in the top-level `compliance` block.
     * @visibility backend
     */
    compliance?: ComplianceSettings;
  };
  /**
   * The compliance backend (older location of `carepath.compliance`).
   * @visibility backend
   */
  compliance?: ComplianceSettings;
}
