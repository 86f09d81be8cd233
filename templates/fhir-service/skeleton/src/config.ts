/** Runtime configuration, read once from the environment. No secrets have defaults. */
export interface Config {
  port: number;
  serviceName: string;
  oidc: {
    jwksUrl: string;
    issuer: string;
    audience: string;
  };
  /** PostgreSQL settings come from the standard PG* variables (see kubernetes/deployment.yaml). */
  database: { enabled: boolean };
  /** Where the PHI access audit log goes: "stdout" (default) or a file path under /tmp. */
  auditLog: string;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error('PORT must be an integer between 1 and 65535');
  }
  return {
    port,
    serviceName: env.SERVICE_NAME ?? 'fhir-service',
    oidc: {
      jwksUrl: required(env, 'OIDC_JWKS_URL'),
      issuer: required(env, 'OIDC_ISSUER'),
      audience: required(env, 'OIDC_AUDIENCE'),
    },
    database: { enabled: Boolean(env.PGHOST) },
    auditLog: env.AUDIT_LOG ?? 'stdout',
  };
}
