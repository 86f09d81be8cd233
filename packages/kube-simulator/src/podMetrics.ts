import { formatTimestamp } from './Clock';
import { KubeObject } from './types';

interface ContainerLike {
  name: string;
  resources?: {
    requests?: Record<string, string>;
    limits?: Record<string, string>;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++)
    h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Parses a CPU quantity to millicores. */
function millicores(q: string | undefined, fallback: number): number {
  if (!q) return fallback;
  return q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000;
}

/** Parses a memory quantity to MiB. */
function mebibytes(q: string | undefined, fallback: number): number {
  if (!q) return fallback;
  const units: Record<string, number> = {
    Ki: 1 / 1024,
    Mi: 1,
    Gi: 1024,
    K: 1 / 1048.576,
    M: 1 / 1.048576,
    G: 1000 / 1.048576,
  };
  const m = /^([\d.]+)([A-Za-z]*)$/.exec(q);
  if (!m) return fallback;
  return Number(m[1]) * (units[m[2]] ?? 1 / 1048576);
}

/**
 * A metrics.k8s.io `PodMetrics` for a running pod: usage derived from its
 * requests (steady, varying per pod), near the memory limit for the `oom`
 * scenario and high CPU for `hpa-max`. Undefined for pods not running.
 */
export function podMetricsFor(
  pod: KubeObject,
  options: { now: number; scenario?: string },
): KubeObject | undefined {
  if ((pod.status as { phase?: string } | undefined)?.phase !== 'Running')
    return undefined;
  const containers =
    (pod.spec as { containers?: ContainerLike[] }).containers ?? [];
  const h = hash(pod.metadata.name ?? '');
  return {
    kind: 'PodMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      creationTimestamp: formatTimestamp(options.now),
      labels: pod.metadata.labels,
    },
    timestamp: formatTimestamp(options.now - 15_000),
    window: '15.012s',
    containers: containers.map((c, i) => {
      const cpuRequest = millicores(c.resources?.requests?.cpu, 100);
      const memLimit = mebibytes(c.resources?.limits?.memory, 512);
      const memRequest = mebibytes(c.resources?.requests?.memory, 128);
      const spread = ((h >>> (i * 3)) % 40) / 100;
      const cpu =
        options.scenario === 'hpa-max'
          ? cpuRequest * (0.95 + spread / 4)
          : cpuRequest * (0.25 + spread);
      const memory =
        options.scenario === 'oom'
          ? memLimit * 0.97
          : memRequest * (0.55 + spread);
      return {
        name: c.name,
        usage: {
          cpu: `${Math.max(1, Math.round(cpu))}m`,
          memory: `${Math.round(memory * 1024)}Ki`,
        },
      };
    }),
  };
}

/** A metrics.k8s.io `NodeMetrics` summing the pods on a node plus system overhead. */
export function nodeMetricsFor(
  node: KubeObject,
  podMetrics: KubeObject[],
  now: number,
): KubeObject {
  let cpu = 180;
  let memoryKi = 1_400_000;
  for (const pm of podMetrics) {
    for (const c of (pm.containers as Array<{
      usage: { cpu: string; memory: string };
    }>) ?? []) {
      cpu += Number(c.usage.cpu.replace('m', ''));
      memoryKi += Number(c.usage.memory.replace('Ki', ''));
    }
  }
  return {
    kind: 'NodeMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: {
      name: node.metadata.name,
      creationTimestamp: formatTimestamp(now),
      labels: node.metadata.labels,
    },
    timestamp: formatTimestamp(now - 10_000),
    window: '20.028s',
    usage: { cpu: `${cpu}m`, memory: `${memoryKi}Ki` },
  };
}
