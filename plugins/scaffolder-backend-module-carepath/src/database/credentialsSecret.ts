import type { V1Secret } from '@kubernetes/client-node';
import type { ClusterConnection } from '../kubernetes/ClusterConnections';
import type { DatabaseServer } from './DatabaseServer';
import { readObject } from '../kubernetes/applyObjects';

/** What a service needs to connect; `password` and `uri` are secret. */
export interface DatabaseCredentials {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
  uri: string;
}

const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64');

/** The Kubernetes Secret that delivers database credentials to a service. */
export function credentialsSecret(options: {
  namespace: string;
  name: string;
  entityRef: string;
  credentials: DatabaseCredentials;
}): V1Secret {
  const { credentials } = options;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'carepath' },
      annotations: {
        'carepath.io/entity-ref': options.entityRef,
        'carepath.io/database': credentials.database,
      },
    },
    data: {
      host: encode(credentials.host),
      port: encode(String(credentials.port)),
      database: encode(credentials.database),
      username: encode(credentials.username),
      password: encode(credentials.password),
      uri: encode(credentials.uri),
    },
  };
}

/** The password held by an existing credentials Secret, if there is one. */
export async function readSecretPassword(options: {
  connection: ClusterConnection;
  namespace: string;
  name: string;
}): Promise<string | undefined> {
  const secret = await readObject<V1Secret>({
    connection: options.connection,
    apiVersion: 'v1',
    kind: 'Secret',
    namespace: options.namespace,
    name: options.name,
  });
  const password = secret?.data?.password;
  return password
    ? Buffer.from(password, 'base64').toString('utf8')
    : undefined;
}

/**
 * The credentials Secret of a provisioned database: on a configured server,
 * or in a CloudNativePG Cluster (reached through its `-rw` Service, and a
 * basic-auth Secret, which is what CNPG managed roles read).
 */
export function databaseCredentialsSecret(options: {
  server?: DatabaseServer;
  /** The CloudNativePG Cluster, when there is no server. */
  cnpgCluster?: string;
  namespace: string;
  name: string;
  entityRef: string;
  database: string;
  password: string;
}): V1Secret {
  const { server, database, password } = options;
  const endpoint = server
    ? server.endpoint
    : {
        host: `${options.cnpgCluster}-rw.${options.namespace}.svc`,
        port: 5432,
      };
  const secret = credentialsSecret({
    namespace: options.namespace,
    name: options.name,
    entityRef: options.entityRef,
    credentials: {
      ...endpoint,
      database,
      username: database,
      password,
      uri: server
        ? server.connectionUri({ database, role: database, password })
        : `postgresql://${database}:${encodeURIComponent(password)}@${
            endpoint.host
          }:${endpoint.port}/${database}`,
    },
  });
  if (!server) secret.type = 'kubernetes.io/basic-auth';
  return secret;
}
