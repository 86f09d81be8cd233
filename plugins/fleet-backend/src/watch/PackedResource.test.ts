import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  projectCronJob,
  projectDaemonSet,
  projectDeployment,
  projectHorizontalPodAutoscaler,
  projectJob,
  projectPod,
  projectReplicaSet,
  projectStatefulSet,
} from '@carepath/plugin-fleet-common';
import { watchedKinds } from './watchedKinds';

const projectors: Record<string, (o: any) => unknown> = {
  Deployment: projectDeployment,
  StatefulSet: projectStatefulSet,
  DaemonSet: projectDaemonSet,
  ReplicaSet: projectReplicaSet,
  Pod: projectPod,
  Job: projectJob,
  CronJob: projectCronJob,
  HorizontalPodAutoscaler: projectHorizontalPodAutoscaler,
};
import { PackedResource } from './PackedResource';

const fixtures = path.join(
  path.dirname(require.resolve('@carepath/plugin-fleet-common/package.json')),
  'src',
  '__fixtures__',
);

function load(file: string): { kind: string; metadata: { name: string } } {
  return JSON.parse(readFileSync(path.join(fixtures, file), 'utf8'));
}

describe('PackedResource', () => {
  const files = readdirSync(fixtures).filter(
    f => f.endsWith('.json') && !f.startsWith('event-'),
  );

  it.each(files)('gives back exactly the projection of %s', file => {
    const raw = load(file);
    const kind = watchedKinds.find(k => k.kind === raw.kind)!;
    const packed = kind.compact(raw);
    expect(packed).toBeInstanceOf(PackedResource);
    const again = kind.compact(structuredClone(raw)) as PackedResource;
    const expected = projectors[raw.kind](raw);
    expect(packed.projection).toEqual(expected);
    // Packed twice, it rebuilds to the same projection again.
    expect(again.projection).toEqual(expected);
    expect(packed.metadata.name).toBe(raw.metadata.name);
  });

  it('keeps times, names and resource versions exactly, and shares repeated parts', () => {
    const raw = load('pod-crashloop.json') as any;
    const a = new PackedResource(
      {
        ...(watchedKinds.find(k => k.kind === 'Pod')!.compact(raw)
          .projection as any),
      },
      '12345',
    );
    const other = structuredClone(raw);
    other.metadata.name = 'another-pod';
    other.metadata.uid = 'another-uid';
    other.metadata.creationTimestamp = '2025-01-02T03:04:05.123Z';
    const b = watchedKinds
      .find(k => k.kind === 'Pod')!
      .compact(other) as PackedResource;
    expect(a.resourceVersion).toBe('12345');
    expect(b.projection.name).toBe('another-pod');
    expect(b.projection.uid).toBe('another-uid');
    expect(b.projection.creationTimestamp).toBe('2025-01-02T03:04:05.123Z');
    expect(a.projection.creationTimestamp).toBe(raw.metadata.creationTimestamp);
    expect(b.labels).toBe(a.labels);
    expect(b.ownerReferences).toBe(a.ownerReferences);
    expect(Object.isFrozen(a.labels)).toBe(true);
    const uuid = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const withUuid = watchedKinds
      .find(k => k.kind === 'Pod')!
      .compact({ ...other, metadata: { ...other.metadata, uid: uuid } });
    expect(withUuid.projection?.uid).toBe(uuid);
  });
});
