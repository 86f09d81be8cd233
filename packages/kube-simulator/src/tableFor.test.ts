import { builtinResources } from './builtinResources';
import { humanDuration, tableFor } from './tableFor';
import { KubeObject } from './types';

const podType = builtinResources().find(t => t.plural === 'pods')!;
const now = Date.parse('2026-01-01T12:00:00Z');

function pod(name: string, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      creationTimestamp: '2026-01-01T11:00:00Z',
      labels: { app: 'shop' },
    },
    spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'app:1' }] },
    status,
  };
}

describe('tableFor', () => {
  it('renders pods like kubectl get pods -o wide', () => {
    const table = tableFor({
      type: podType,
      now,
      includeObject: 'Metadata',
      objects: [
        pod('ok', {
          phase: 'Running',
          podIP: '10.0.0.1',
          containerStatuses: [
            {
              name: 'app',
              ready: true,
              restartCount: 0,
              state: { running: {} },
            },
          ],
        }),
        pod('crashing', {
          phase: 'Running',
          containerStatuses: [
            {
              name: 'app',
              ready: false,
              restartCount: 4,
              state: { waiting: { reason: 'CrashLoopBackOff' } },
              lastState: { terminated: { finishedAt: '2026-01-01T11:58:00Z' } },
            },
          ],
        }),
      ],
    }) as {
      columnDefinitions: Array<{ name: string; priority: number }>;
      rows: Array<{ cells: unknown[]; object: { kind: string } }>;
    };
    expect(
      table.columnDefinitions.filter(c => c.priority === 0).map(c => c.name),
    ).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    expect(table.rows[0].cells.slice(0, 7)).toEqual([
      'ok',
      '1/1',
      'Running',
      '0',
      '60m',
      '10.0.0.1',
      'node-1',
    ]);
    expect(table.rows[1].cells.slice(0, 4)).toEqual([
      'crashing',
      '0/1',
      'CrashLoopBackOff',
      '4 (2m ago)',
    ]);
    expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it.each([
    [5_000, '5s'],
    [130_000, '2m10s'],
    [3_600_000, '60m'],
    [5 * 3_600_000 + 60_000, '5h1m'],
    [30 * 3_600_000, '30h'],
    [3 * 86_400_000, '3d'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
