import { StatusError } from './Status';
import { KubeObject } from './types';

interface ContainerStatusLike {
  name: string;
  state?: { waiting?: { reason?: string }; running?: { startedAt?: string } };
  lastState?: { terminated?: { reason?: string; exitCode?: number } };
  restartCount?: number;
}

const paths = [
  '/api/v1/patients',
  '/api/v1/appointments',
  '/fhir/r4/Observation',
  '/fhir/r4/Patient',
  '/healthz/ready',
  '/metrics',
];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++)
    h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  // Final avalanche (murmur3 fmix32) so neighbouring inputs look unrelated.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Synthesises the log of a container the way its pod state implies:
 * request logs while running, and for `previous` the last words of a
 * crashed or OOM-killed container. Deterministic per pod and line index.
 * Throws the 400 the real kubelet proxy answers for containers that have
 * not started.
 */
export function podLogLines(options: {
  pod: KubeObject;
  container?: string;
  previous?: boolean;
  count: number;
  now: number;
  /** Index of the first line, so followed logs continue the sequence. */
  from?: number;
}): { lines: string[]; timestamps: number[] } {
  const { pod, now } = options;
  const spec = pod.spec as { containers?: Array<{ name: string }> };
  const containers = spec.containers ?? [];
  const name = options.container ?? containers[0]?.name ?? '';
  if (!containers.some(c => c.name === name)) {
    throw StatusError.badRequest(
      `container ${name} is not valid for pod ${pod.metadata.name}`,
    );
  }
  const statuses =
    (pod.status as { containerStatuses?: ContainerStatusLike[] } | undefined)
      ?.containerStatuses ?? [];
  const status = statuses.find(s => s.name === name);
  const service = pod.metadata.labels?.['app.kubernetes.io/name'] ?? name;
  if (options.previous) {
    const terminated = status?.lastState?.terminated;
    if (!terminated) {
      throw StatusError.badRequest(
        `previous terminated container "${name}" in pod "${pod.metadata.name}" not found`,
      );
    }
    const lines =
      terminated.reason === 'OOMKilled'
        ? [
            `{"level":"info","service":"${service}","msg":"loading study index into cache","entries":1835000}`,
            `{"level":"warn","service":"${service}","msg":"heap usage above 90%","heapMiB":1010}`,
            'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
          ]
        : [
            `{"level":"info","service":"${service}","msg":"starting","version":"${
              pod.metadata.labels?.['pod-template-hash'] ?? '1'
            }"}`,
            `{"level":"error","service":"${service}","msg":"failed to connect to upstream","error":"dial tcp 10.96.0.42:5432: connect: connection refused"}`,
            `{"level":"fatal","service":"${service}","msg":"exiting: upstream unavailable after 5 attempts"}`,
          ];
    return {
      lines,
      timestamps: lines.map((_, i) => now - (lines.length - i) * 1000),
    };
  }
  const waiting = status?.state?.waiting?.reason;
  if (!status || (!status.state?.running && waiting !== 'CrashLoopBackOff')) {
    const why =
      waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff'
        ? 'trying and failing to pull image'
        : waiting ?? 'ContainerCreating';
    throw StatusError.badRequest(
      `container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${why}`,
    );
  }
  const started =
    Date.parse(
      status.state?.running?.startedAt ?? pod.metadata.creationTimestamp ?? '',
    ) || now;
  const from = options.from ?? 0;
  const lines: string[] = [];
  const timestamps: number[] = [];
  const seed = hash(pod.metadata.name ?? '');
  for (let i = from; i < from + options.count; i++) {
    const h = hash(`${seed}:${i}`);
    const path = paths[h % paths.length];
    const code = h % 53 === 0 ? 503 : 200;
    lines.push(
      `{"level":"${
        code === 200 ? 'info' : 'warn'
      }","service":"${service}","msg":"request completed","method":"GET","path":"${path}","status":${code},"durationMs":${
        (h % 180) + 3
      },"traceId":"${h.toString(16).padStart(8, '0')}${seed
        .toString(16)
        .padStart(8, '0')}"}`,
    );
    timestamps.push(Math.min(now, started + i * 2000));
  }
  return { lines, timestamps };
}
