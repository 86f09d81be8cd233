export interface Config {
  /** CarePath fleet health (`@carepath/plugin-fleet-backend`). */
  fleet?: {
    /**
     * How far back a container restart counts as recent (and an OOM kill as
     * current). ISO 8601 duration or `{ minutes: 15 }`. Default 15 minutes.
     * @visibility backend
     */
    restartWindow?:
      | string
      | { hours?: number; minutes?: number; seconds?: number };
    /**
     * Time allowed for a list, or for a watch to start answering, before
     * the cluster is marked and the request retried with backoff. Default
     * 10 seconds.
     * @visibility backend
     */
    requestTimeout?:
      | string
      | { minutes?: number; seconds?: number; milliseconds?: number };
    /**
     * How often the catalog is read for services. Default 30 seconds.
     * @visibility backend
     */
    catalogRefreshInterval?: string | { minutes?: number; seconds?: number };
    /**
     * Warning events kept per Kubernetes object (newest first). Default 10.
     * @visibility backend
     */
    eventsPerObject?: number;
  };
}
