import {
  ApiException,
  KubernetesObject,
  PatchStrategy,
} from '@kubernetes/client-node';
import {
  deployment,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';

const config = (replicas: number, image = 'registry.example/app:1.0.0') =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ssa', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'ssa' } },
      template: {
        metadata: { labels: { app: 'ssa' } },
        spec: { containers: [{ name: 'app', image }] },
      },
    },
  } as KubernetesObject);

describe('server-side apply', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  it('creates, tracks managers and reports conflicts naming fields and managers', async () => {
    const created = await f.objects.patch(
      config(2),
      undefined,
      undefined,
      'team-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect(created.metadata?.managedFields).toEqual([
      expect.objectContaining({ manager: 'team-a', operation: 'Apply' }),
    ]);
    // Same values from another manager: shared ownership, no conflict.
    await f.objects.patch(
      config(2),
      undefined,
      undefined,
      'team-b',
      false,
      PatchStrategy.ServerSideApply,
    );
    // A different value for a field team-a owns conflicts.
    const conflict = (await f.objects
      .patch(
        config(5),
        undefined,
        undefined,
        'team-b',
        false,
        PatchStrategy.ServerSideApply,
      )
      .catch(e => e)) as ApiException<string>;
    expect(conflict.code).toBe(409);
    const status = JSON.parse(conflict.body);
    expect(status).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      code: 409,
    });
    expect(status.message).toBe(
      'Apply failed with 1 conflict: conflict with "team-a" using apps/v1: .spec.replicas',
    );
    expect(status.details.causes).toEqual([
      {
        reason: 'FieldManagerConflict',
        message: 'conflict with "team-a" using apps/v1',
        field: '.spec.replicas',
      },
    ]);
  });

  it('takes ownership with force', async () => {
    const forced = await f.objects.patch(
      config(5),
      undefined,
      undefined,
      'team-b',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect((forced as { spec: { replicas: number } }).spec.replicas).toBe(5);
    const teamA = forced.metadata?.managedFields?.find(
      m => m.manager === 'team-a',
    );
    expect(JSON.stringify(teamA?.fieldsV1)).not.toContain('f:replicas');
    // team-a no longer owns replicas, so applying its old config does not conflict but keeps team-b's value.
    const again = await f.objects.patch(
      {
        ...config(5),
        spec: { ...(config(5) as { spec: object }).spec },
      } as KubernetesObject,
      undefined,
      undefined,
      'team-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect((again as { spec: { replicas: number } }).spec.replicas).toBe(5);
  });

  it('removes fields a manager stops applying, and conflicts with kubectl edits', async () => {
    f.cluster.apply(
      {
        ...deployment({ name: 'kc' }),
        metadata: {
          name: 'kc',
          namespace: 'default',
          labels: { app: 'kc', extra: 'yes' },
        },
      },
      { fieldManager: 'kubectl-client-side-apply' },
    );
    const manifest =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kc\n  namespace: default\nspec:\n  replicas: 4\n  selector:\n    matchLabels: {app: kc}\n  template:\n    metadata:\n      labels: {app: kc}\n    spec:\n      containers:\n      - name: app\n        image: registry.example/app:1.0.0\n';
    const conflict = await f.kubectl(['apply', '--server-side', '-f', '-'], {
      input: manifest,
    });
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
    );
    const forced = await f.kubectl(
      ['apply', '--server-side', '--force-conflicts', '-f', '-'],
      { input: manifest },
    );
    expect(forced.stdout).toContain('deployment.apps/kc serverside-applied');
    expect(
      f.cluster.get({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'default',
        name: 'kc',
      })?.spec,
    ).toMatchObject({ replicas: 4 });
    // Apply a config without the container image tag change: nothing else moves.
    const trimmed = await f.kubectl(['apply', '--server-side', '-f', '-'], {
      input: manifest.replace('replicas: 4', 'replicas: 3'),
    });
    expect(trimmed.code).toBe(0);
  });

  it('requires a field manager for apply', async () => {
    const res = await f.request(
      '/apis/apps/v1/namespaces/default/deployments/x',
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/apply-patch+yaml' },
        body: 'apiVersion: apps/v1\nkind: Deployment\n',
      },
    );
    expect(res.status).toBe(400);
  });

  it('drops fields its manager no longer applies, but keeps fields others own', async () => {
    const withLabels = (labels: Record<string, string>) =>
      ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'owned', namespace: 'default', labels },
        data: { a: '1' },
      } as KubernetesObject);
    await f.objects.patch(
      withLabels({ keep: 'yes', drop: 'yes' }),
      undefined,
      undefined,
      'owner',
      false,
      PatchStrategy.ServerSideApply,
    );
    await f.objects.patch(
      withLabels({ shared: 'yes' }),
      undefined,
      undefined,
      'other',
      false,
      PatchStrategy.ServerSideApply,
    );
    await f.objects.patch(
      withLabels({ keep: 'yes', shared: 'yes' }),
      undefined,
      undefined,
      'owner',
      false,
      PatchStrategy.ServerSideApply,
    );
    const after = await f.objects.patch(
      withLabels({ keep: 'yes' }),
      undefined,
      undefined,
      'owner',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect(after.metadata?.labels).toEqual({ keep: 'yes', shared: 'yes' });
  });
});
