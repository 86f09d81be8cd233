import { STATUS_CODES } from 'node:http';

/** A cause inside `Status.details.causes`. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** The details of a `Status`. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** A meta/v1 `Status` object, as the real API server answers errors. */
export interface StatusObject {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, string>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

const reasonsByCode: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

/**
 * An error that carries the `Status` the API answers with. Everything that
 * can go wrong while serving a request ends up as one of these.
 */
export class StatusError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details?: StatusDetails;

  constructor(options: {
    code: number;
    message: string;
    reason?: string;
    details?: StatusDetails;
  }) {
    super(options.message);
    this.name = 'StatusError';
    this.code = options.code;
    this.reason =
      options.reason ??
      reasonsByCode[options.code] ??
      STATUS_CODES[options.code] ??
      'Unknown';
    this.details = options.details;
  }

  toStatus(): StatusObject {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }

  static badRequest(message: string): StatusError {
    return new StatusError({ code: 400, message });
  }

  static notFound(resource: string, name: string, group = ''): StatusError {
    const qualified = group ? `${resource}.${group}` : resource;
    return new StatusError({
      code: 404,
      message: `${qualified} "${name}" not found`,
      details: { name, group: group || undefined, kind: resource },
    });
  }

  static noSuchResource(): StatusError {
    return new StatusError({
      code: 404,
      message: 'the server could not find the requested resource',
      details: {},
    });
  }

  static alreadyExists(
    resource: string,
    name: string,
    group = '',
  ): StatusError {
    const qualified = group ? `${resource}.${group}` : resource;
    return new StatusError({
      code: 409,
      reason: 'AlreadyExists',
      message: `${qualified} "${name}" already exists`,
      details: { name, group: group || undefined, kind: resource },
    });
  }

  static conflict(resource: string, name: string, group = ''): StatusError {
    const qualified = group ? `${resource}.${group}` : resource;
    return new StatusError({
      code: 409,
      message: `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      details: { name, group: group || undefined, kind: resource },
    });
  }

  static gone(message: string): StatusError {
    return new StatusError({ code: 410, message });
  }

  static invalid(options: {
    kind: string;
    group: string;
    name: string;
    causes: StatusCause[];
  }): StatusError {
    const qualifiedKind = options.group
      ? `${options.kind}.${options.group}`
      : options.kind;
    const summary = options.causes
      .map(c => (c.field ? `${c.field}: ${c.message}` : c.message))
      .join(', ');
    const list = options.causes.length > 1 ? `[${summary}]` : summary;
    return new StatusError({
      code: 422,
      message: `${qualifiedKind} "${options.name}" is invalid: ${list}`,
      details: {
        name: options.name,
        group: options.group || undefined,
        kind: options.kind,
        causes: options.causes,
      },
    });
  }

  static internal(message: string): StatusError {
    return new StatusError({
      code: 500,
      message: `Internal error occurred: ${message}`,
      details: { causes: [{ message }] },
    });
  }
}
