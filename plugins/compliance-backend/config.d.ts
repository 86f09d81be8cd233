import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  compliance?: {
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
  };
}
