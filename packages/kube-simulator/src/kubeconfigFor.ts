import { stringify } from 'yaml';
import { TokenGrant } from './Authorizer';

/** What a kubeconfig needs to know about one cluster. */
export interface KubeconfigCluster {
  name: string;
  url: string;
  httpsUrl?: string;
  caData: string;
  tokens: TokenGrant[];
}

/**
 * A kubeconfig with, per cluster, a context named after the cluster
 * (HTTPS verified by the simulator's CA, or plain HTTP when HTTPS is off)
 * and one named `<cluster>-http` (plain HTTP), both using the admin token.
 * Every token is also available as a user named after its user name.
 */
export function kubeconfigFor(options: {
  clusters: KubeconfigCluster[];
  currentContext?: string;
}): string {
  const clusters: object[] = [];
  const contexts: object[] = [];
  const users = new Map<string, object>();
  for (const c of options.clusters) {
    const admin = c.tokens.find(t => t.role === 'admin') ?? c.tokens[0];
    for (const t of c.tokens) {
      if (!users.has(t.user))
        users.set(t.user, { name: t.user, user: { token: t.token } });
    }
    if (c.httpsUrl) {
      clusters.push({
        name: c.name,
        cluster: { server: c.httpsUrl, 'certificate-authority-data': c.caData },
      });
      clusters.push({ name: `${c.name}-http`, cluster: { server: c.url } });
    } else {
      clusters.push({ name: c.name, cluster: { server: c.url } });
      clusters.push({ name: `${c.name}-http`, cluster: { server: c.url } });
    }
    contexts.push({
      name: c.name,
      context: { cluster: c.name, user: admin?.user },
    });
    contexts.push({
      name: `${c.name}-http`,
      context: { cluster: `${c.name}-http`, user: admin?.user },
    });
  }
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters,
    users: [...users.values()],
    contexts,
    'current-context':
      options.currentContext ?? options.clusters[0]?.name ?? '',
  });
}
