/**
 * A failed request to a cluster's API server, with a message a person can
 * act on.
 *
 * @public
 */
export class ApiServerError extends Error {
  readonly statusCode?: number;
  /** Mirrors `statusCode`; client-node's ListWatch looks for `code === 410`. */
  readonly code?: number;

  constructor(options: { message: string; statusCode?: number }) {
    super(options.message);
    this.name = 'ApiServerError';
    this.statusCode = options.statusCode;
    this.code = options.statusCode;
  }
}
