import type { Entity } from '@backstage/catalog-model';
import type { ControlResult } from './ControlResult';
import type { ControlSet } from './ControlSet';
import type { EntityObservation, EvaluationInput } from './EvaluationInput';
import type { KubernetesObservations } from './KubernetesObservations';
import type { Violation } from './Violation';
import { controlApplies } from './controlApplies';
import { evaluateControl } from './evaluateControl';
import { builtInEvaluators } from './evaluators/builtInEvaluators';
import { fields, text } from './manifestFields';
import { observeEntity } from './observeEntity';
import { observeManifests } from './observeManifests';
import { parseManifestFiles } from './parseManifestFiles';

/**
 * The scaffolder check's verdict on a rendered repository.
 *
 * @public
 */
export interface ManifestEvaluation {
  controlsVersion: string;
  /** Results of the controls judgeable from a repository that apply to the entity. */
  results: ControlResult[];
  /** Every violation, each with its file and field. */
  violations: Violation[];
  /** `true` when there are no violations. */
  passed: boolean;
}

function readCatalogInfo(catalogInfo: {
  path: string;
  text: string;
}): EntityObservation {
  const [{ docs }] = parseManifestFiles([catalogInfo]);
  const entities = docs.filter(doc =>
    (text(fields(doc).apiVersion) ?? '').startsWith('backstage.io/'),
  );
  const entity =
    entities.find(doc => text(fields(doc).kind) === 'Component') ?? entities[0];
  const metadata = fields(fields(entity).metadata);
  const kind = text(fields(entity).kind);
  const name = text(metadata.name);
  if (!entity || !kind || !name) {
    throw new Error(
      `${catalogInfo.path}: expected a Backstage entity with apiVersion backstage.io/*, kind and metadata.name`,
    );
  }
  return observeEntity({ entity: entity as Entity, file: catalogInfo.path });
}

/**
 * Evaluates a freshly rendered repository before it is published: its
 * Kubernetes manifests and its `catalog-info.yaml`. Runs only the controls
 * that can be judged from a repository (workload, network and catalog
 * hygiene controls that need neither the live catalog, nor clusters, nor
 * platform records) and that apply to the entity.
 *
 * @throws Error naming the file when a manifest or catalog-info is not valid YAML.
 * @public
 */
export function evaluateManifests(
  repository: {
    files: Array<{ path: string; text: string }>;
    catalogInfo?: { path: string; text: string };
    /** Defaults to the current time; only stamps the results. */
    now?: Date;
  },
  controlSet: ControlSet,
): ManifestEvaluation {
  const observations: KubernetesObservations = {
    workloads: [],
    services: [],
    ingresses: [],
    networkPolicies: [],
    pdbs: [],
    hpas: [],
    serviceAccounts: [],
  };
  for (const file of parseManifestFiles(repository.files)) {
    const observed = observeManifests(file.docs, { file: file.path });
    for (const key of Object.keys(observations) as Array<
      keyof KubernetesObservations
    >) {
      (observations[key] as unknown[]).push(...observed[key]);
    }
  }
  const input: EvaluationInput = {
    ...observations,
    entity: repository.catalogInfo
      ? readCatalogInfo(repository.catalogInfo)
      : undefined,
    now: repository.now ?? new Date(),
  };
  const results = controlSet.controls
    .filter(control => {
      const evaluator = builtInEvaluators.get(control.evaluator.name);
      return (
        evaluator?.scope === 'service' &&
        evaluator.judgeableFromRepository &&
        controlApplies(control, input.entity)
      );
    })
    .map(control => evaluateControl(control, input));
  const violations = results.flatMap(r => r.violations);
  return {
    controlsVersion: controlSet.controlsVersion,
    results,
    violations,
    passed: violations.length === 0,
  };
}
