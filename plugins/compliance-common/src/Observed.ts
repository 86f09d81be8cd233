/**
 * A JSON value.
 *
 * @public
 */
export type ObservedValue =
  | string
  | number
  | boolean
  | null
  | ObservedValue[]
  | { [key: string]: ObservedValue };

/**
 * What an evaluator saw, as a small JSON object, e.g.
 * `{ workload: 'Deployment/fhir-gateway', cluster: 'prod-east', container: 'api', image: 'ghcr.io/x:latest' }`.
 *
 * @public
 */
export type Observed = { [key: string]: ObservedValue };
