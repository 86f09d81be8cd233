/*
 * Builders for tests: load fixture files, observe them, and judge shipped
 * controls. Test-only (reads files from disk).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import type { ControlResult } from '../ControlResult';
import type {
  DatabaseRecord,
  EntityObservation,
  EvaluationInput,
} from '../EvaluationInput';
import type { KubernetesObservations } from '../KubernetesObservations';
import type { WorkloadObservation } from '../WorkloadObservation';
import { hipaaControlsYaml } from '../controls/hipaaControlsYaml';
import { evaluateControl } from '../evaluateControl';
import { observeEntity } from '../observeEntity';
import { observeKubernetesObjects } from '../observeKubernetesObjects';
import { parseControls } from '../parseControls';
import { parseManifestFiles } from '../parseManifestFiles';

export const NOW = new Date('2026-11-24T09:00:00Z');

export const shippedControls = parseControls(hipaaControlsYaml, {
  source: 'hipaa-controls.yaml',
});

/** The text of a fixture file. */
export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, name), 'utf8');
}

/** A fixture as a repository file, at `k8s/<name>`. */
export function repositoryFile(name: string): { path: string; text: string } {
  return { path: `k8s/${name}`, text: fixtureText(name) };
}

/** Observations of manifest fixtures, each attributed to `k8s/<name>`. */
export function manifests(...names: string[]): KubernetesObservations {
  const files = parseManifestFiles(names.map(repositoryFile));
  const observed = files.map(file =>
    observeKubernetesObjects(file.docs, {
      source: { type: 'manifest', file: file.path },
    }),
  );
  return {
    workloads: observed.flatMap(o => o.workloads),
    services: observed.flatMap(o => o.services),
    ingresses: observed.flatMap(o => o.ingresses),
    networkPolicies: observed.flatMap(o => o.networkPolicies),
    pdbs: observed.flatMap(o => o.pdbs),
    hpas: observed.flatMap(o => o.hpas),
    serviceAccounts: observed.flatMap(o => o.serviceAccounts),
  };
}

/** Observations of manifest fixtures as if read from a live cluster. */
export function clusterObjects(
  cluster: string,
  ...names: string[]
): KubernetesObservations {
  const docs = parseManifestFiles(names.map(repositoryFile)).flatMap(
    f => f.docs,
  );
  return observeKubernetesObjects(docs, {
    source: { type: 'cluster', cluster },
  });
}

/** The one workload in a manifest fixture. */
export function workload(name: string): WorkloadObservation {
  return manifests(name).workloads[0];
}

/** A catalog entity fixture, as read from `catalog-info.yaml`. */
export function entity(
  name: string,
  resolved: Partial<
    Pick<EntityObservation, 'ownerExists' | 'ownerKind' | 'ownerEmail'>
  > = {},
): EntityObservation {
  return observeEntity({
    entity: parse(fixtureText(name)) as Entity,
    file: 'catalog-info.yaml',
    ...resolved,
  });
}

/** A PHI database that satisfies every database control at `NOW`. */
export function databaseRecord(
  overrides: Partial<DatabaseRecord> = {},
): DatabaseRecord {
  return {
    name: 'fhir-store',
    classification: 'phi',
    backupPolicy: { maxAgeHours: 24 },
    lastBackupAt: '2026-11-24T02:00:00Z',
    lastRestoreTestAt: '2026-10-01T10:00:00Z',
    lastCredentialRotationAt: '2026-09-15T08:00:00Z',
    deletionProtection: true,
    ...overrides,
  };
}

/** An evaluation input at `NOW`. */
export function input(
  parts: Omit<EvaluationInput, 'now'> = {},
): EvaluationInput {
  return { now: NOW, ...parts };
}

/** Evaluates one shipped control. */
export function judge(
  controlId: string,
  parts: Omit<EvaluationInput, 'now'>,
): ControlResult {
  const control = shippedControls.controls.find(c => c.id === controlId);
  if (!control) {
    throw new Error(`no shipped control ${controlId}`);
  }
  return evaluateControl(control, input(parts));
}

/** The compliant fhir-gateway repository, minus the named files. */
export function compliantManifests(
  ...without: string[]
): KubernetesObservations {
  return manifests(
    ...[
      'deployment-compliant.yaml',
      'serviceaccount-compliant.yaml',
      'service-clusterip.yaml',
      'ingress-tls.yaml',
      'networkpolicy-compliant.yaml',
      'pdb-compliant.yaml',
    ].filter(name => !without.includes(name)),
  );
}
