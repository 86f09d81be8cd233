import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

export interface Principal {
  /** The token subject: who is accessing the data. */
  subject: string;
  /** The OAuth client that presented the token, when the token names one. */
  clientId?: string;
  scopes: string[];
}

export type Verifier = (
  authorization: string | undefined,
) => Promise<Principal>;

export class AuthenticationError extends Error {}

/**
 * Verifies bearer tokens (JWT) against the identity provider's JWKS: the
 * signature, issuer, audience, expiry and not-before are all checked.
 */
export function createVerifier(options: {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  /** For tests: a local key set instead of the remote JWKS. */
  keys?: JWTVerifyGetKey;
}): Verifier {
  const keys = options.keys ?? createRemoteJWKSet(new URL(options.jwksUrl!));
  return async authorization => {
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(authorization ?? '');
    if (!match) {
      throw new AuthenticationError('missing bearer token');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
        clockTolerance: 30,
      }));
    } catch {
      throw new AuthenticationError('invalid token');
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
      throw new AuthenticationError('token has no subject');
    }
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    const clientId =
      typeof payload.client_id === 'string'
        ? payload.client_id
        : typeof payload.azp === 'string'
        ? payload.azp
        : undefined;
    return {
      subject: payload.sub,
      clientId,
      scopes: scope.split(' ').filter(Boolean),
    };
  };
}

/**
 * SMART on FHIR v1 scopes: `(patient|user|system)/(<Type>|*).(read|write|*)`.
 */
export function allows(
  principal: Principal,
  resourceType: string,
  access: 'read' | 'write',
) {
  return principal.scopes.some(scope => {
    const match = /^(patient|user|system)\/([A-Za-z*]+)\.(read|write|\*)$/.exec(
      scope,
    );
    return (
      match !== null &&
      (match[2] === '*' || match[2] === resourceType) &&
      (match[3] === '*' || match[3] === access)
    );
  });
}
