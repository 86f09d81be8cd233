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
     * How often the catalog's services are re-read in full, as a safety
     * net: changes are picked up by the change check. Default 10 minutes.
     * @visibility backend
     */
    catalogRefreshInterval?: string | { minutes?: number; seconds?: number };
    /**
     * How often the catalog is checked for new, changed and removed
     * services (a list of entity refs and etags; only changed entities are
     * then read). Default 5 seconds.
     * @visibility backend
     */
    catalogChangeCheckInterval?:
      | string
      | { minutes?: number; seconds?: number; milliseconds?: number };
    /**
     * Warning events kept per Kubernetes object (newest first). Default 10.
     * @visibility backend
     */
    eventsPerObject?: number;
  };
}
