export interface Config {
  /** CarePath platform settings used by the platform-owned scaffolder actions. */
  carepath?: {
    /**
     * Local repository store for `carepath:publish:local`: the embedded
     * default publishes golden paths here instead of GitHub. Its files are
     * served read-only under /api/scaffolder/carepath/repos for the catalog.
     */
    /** How the catalog shows lifecycles recorded by `carepath:catalog:lifecycle`. */
    lifecycle?: {
      /**
       * How long the catalog uses the recorded lifecycles it read before
       * asking the scaffolder again. Default 10.
       * @visibility backend
       */
      cacheSeconds?: number;
    };
    publishLocal?: {
      /**
       * Folder that holds the bare git repositories.
       * @visibility backend
       */
      directory: string;
    };
    databases?: {
      /** The database servers the platform provisions into. */
      servers?: Array<{
        /**
         * Server name, referred to by the `server` input of the database actions.
         * @visibility backend
         */
        name: string;
        /**
         * Admin connection string, e.g. `postgresql://admin:pw@db:5432/postgres`.
         * In real deployments set it from an environment variable with `${...}`.
         * @visibility secret
         */
        connection: string;
        /**
         * Host name that services use to reach the server (written to the
         * credentials Secret). Defaults to the host of `connection`.
         * @visibility backend
         */
        serviceHost?: string;
        /**
         * Whether this server is used when an action names none.
         * @visibility backend
         */
        default?: boolean;
      }>;
      /**
       * CONNECTION LIMIT of each provisioned role. Defaults to 20.
       * @visibility backend
       */
      connectionLimit?: number;
    };
    backups?: {
      /**
       * The backup store: a folder that receives encrypted logical backups.
       * @visibility backend
       */
      directory?: string;
      /**
       * AES-256-GCM key for backups at rest: 32 bytes, base64.
       * @visibility secret
       */
      encryptionKey?: string;
      /** Days a backup is kept, per data classification. */
      retentionDays?: {
        /**
         * Defaults to 2190 (6 years).
         * @visibility backend
         */
        phi?: number;
        /**
         * Defaults to 2190 (6 years).
         * @visibility backend
         */
        pii?: number;
        /**
         * Defaults to 365.
         * @visibility backend
         */
        internal?: number;
        /**
         * Defaults to 30.
         * @visibility backend
         */
        public?: number;
      };
    };
    /** Deployment environments and the clusters that serve them. */
    environments?: Array<{
      /**
       * Environment name, e.g. `staging` or `production`.
       * @visibility backend
       */
      name: string;
      /**
       * Names of clusters from `kubernetes.clusterLocatorMethods` (type `config`).
       * @visibility backend
       */
      clusters: string[];
    }>;
    kubernetes?: {
      /**
       * Every Kubernetes API request of an action is aborted after this many
       * seconds (default 30), failing the step with an error naming the
       * cluster and the operation.
       * @visibility backend
       */
      requestTimeoutSeconds?: number;
      /**
       * Write-capable identities for the platform actions, overriding the
       * read-only token of the cluster of the same name in the kubernetes block.
       */
      clusters?: Array<{
        /**
         * Cluster name from `kubernetes.clusterLocatorMethods`.
         * @visibility backend
         */
        name: string;
        /**
         * Service account token with write access.
         * @visibility secret
         */
        serviceAccountToken: string;
      }>;
    };
  };
}
