export interface Config {
  carepath?: {
    /**
     * Which catalog groups hold CarePath's elevated roles. Everyone else who
     * signs in is a developer.
     */
    roles?: {
      /**
       * Groups whose members are the platform team, as entity refs
       * (e.g. `group:default/platform-team`).
       * @visibility backend
       */
      platformTeam?: string[];
      /**
       * Groups whose members are compliance officers.
       * @visibility backend
       */
      complianceOfficers?: string[];
    };
  };
}
