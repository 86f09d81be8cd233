import { StatusError } from './Status';

/** What a bearer token may do. */
export type TokenRole = 'admin' | 'read-only' | { namespaces: string[] };

/** A bearer token accepted by a simulated cluster. */
export interface TokenGrant {
  token: string;
  /** The user name reported in Forbidden messages. */
  user: string;
  role: TokenRole;
}

/** The tokens every cluster accepts unless configured otherwise. */
export const defaultTokens: TokenGrant[] = [
  { token: 'carepath-embedded-admin', user: 'carepath-admin', role: 'admin' },
  {
    token: 'carepath-embedded-readonly',
    user: 'carepath-readonly',
    role: 'read-only',
  },
];

const readVerbs = new Set(['get', 'list', 'watch']);

/**
 * Bearer-token authentication and a deliberately small authorisation
 * model: admin, read-only, or restricted to a set of namespaces.
 */
export class Authorizer {
  private readonly byToken: Map<string, TokenGrant>;

  constructor(tokens: TokenGrant[]) {
    this.byToken = new Map(tokens.map(t => [t.token, t]));
  }

  /** The grant for an `Authorization` header; throws 401 when missing or unknown. */
  authenticate(header: string | undefined): TokenGrant {
    const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
    const grant = match ? this.byToken.get(match[1].trim()) : undefined;
    if (!grant) {
      throw new StatusError({ code: 401, message: 'Unauthorized' });
    }
    return grant;
  }

  /** Throws 403 Forbidden when `grant` may not perform the request. */
  authorize(options: {
    grant: TokenGrant;
    verb: string;
    resource: string;
    subresource?: string;
    group: string;
    namespace?: string;
    name?: string;
    namespaced: boolean;
  }): void {
    const { grant, verb, namespace, namespaced } = options;
    const read = readVerbs.has(verb);
    let allowed: boolean;
    if (grant.role === 'admin') {
      allowed = true;
    } else if (grant.role === 'read-only') {
      allowed = read;
    } else if (!namespaced) {
      // Cluster-scoped: reads allowed (namespaces, nodes, CRDs), writes not.
      allowed = read;
    } else {
      allowed =
        namespace !== undefined && grant.role.namespaces.includes(namespace);
    }
    if (allowed) return;
    const resource = options.subresource
      ? `${options.resource}/${options.subresource}`
      : options.resource;
    const subject = options.name
      ? `${options.resource} "${options.name}"`
      : options.resource;
    const scope =
      namespaced && namespace
        ? ` in the namespace "${namespace}"`
        : ' at the cluster scope';
    throw new StatusError({
      code: 403,
      message: `${subject} is forbidden: User "${grant.user}" cannot ${verb} resource "${resource}" in API group "${options.group}"${scope}`,
      details: {
        name: options.name,
        group: options.group || undefined,
        kind: options.resource,
      },
    });
  }
}
