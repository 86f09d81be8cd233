import { randomUUID } from 'node:crypto';
import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  effectiveDataClassification,
  evaluatePlatform,
  evaluateService,
  observeEntity,
  observeKubernetesObjects,
  ComplianceSummaryBuilder,
  type AuditFacts,
  type ControlResult,
  type ControlSet,
  type EvaluationInput,
  type Exemption,
  type KubernetesObservations,
  type ServiceEvaluation,
} from '@carepath/plugin-compliance-common';
import type { AuditTrail } from '../audit/AuditTrail';
import type { ControlCatalog } from '../controls/ControlCatalog';
import type {
  EvidenceStore,
  NewEvidenceRecord,
} from '../evidence/EvidenceStore';
import type { ExemptionStore } from '../exemptions/ExemptionStore';
import type {
  ClusterObjects,
  ComplianceSources,
  FleetClusterState,
  SourceAnswer,
} from './ComplianceSources';
import type {
  ControlHeading,
  EvaluationRecord,
  EvaluationStore,
  PartialSource,
  ServiceSnapshot,
  UnavailableSource,
} from './EvaluationStore';

/** Audit trail actions that count as facts for the database controls. */
export const restoreTestedAction = 'database.restore-tested';
export const credentialsRotatedAction = 'database.credentials-rotated';

const PLATFORM_OWNER = 'group:default/platform-team';
const CONCURRENCY = 8;

/**
 * Tracks which sources could not be read in one run. Once a source is
 * down (unreachable, timing out) it is not asked again in that run.
 */
class UnavailableSources {
  readonly #bySource = new Map<string, UnavailableSource & { down: boolean }>();

  async ask<T>(
    source: string,
    read: () => Promise<SourceAnswer<T>>,
  ): Promise<T | undefined> {
    const known = this.#bySource.get(source);
    if (known?.down) {
      known.services += source === 'fleet-unregistered' ? 0 : 1;
      return undefined;
    }
    const answer = await read();
    if (answer.available) {
      return answer.value;
    }
    // Re-read: other services may have recorded this source meanwhile.
    const entry = this.#bySource.get(source) ?? {
      source,
      reason: answer.reason,
      services: 0,
      down: false,
    };
    entry.down = entry.down || answer.down;
    entry.reason = answer.reason;
    entry.services += source === 'fleet-unregistered' ? 0 : 1;
    this.#bySource.set(source, entry);
    return undefined;
  }

  list(): UnavailableSource[] {
    return [...this.#bySource.values()].map(({ down: _down, ...rest }) => rest);
  }
}

/** One entity and what its controls are judged on. */
interface ObservedEntity {
  entity: Entity;
  entityRef: string;
  ownerRef: string | undefined;
  input: EvaluationInput;
}

/**
 * What a `ComplianceEvaluator` reads from and writes to.
 *
 * @public
 */
export interface ComplianceEvaluatorOptions {
  catalog: CatalogService;
  auth: AuthService;
  sources: ComplianceSources;
  controls: ControlCatalog;
  evidence: EvidenceStore;
  evaluations: EvaluationStore;
  exemptions: ExemptionStore;
  auditTrail: AuditTrail;
  logger: LoggerService;
}

/**
 * Runs every catalog Component through the controls in force and stores
 * the run as one evidence snapshot. A source that cannot be read is
 * recorded on the run and its controls answer not-applicable; it never
 * fails the run and never passes a control.
 *
 * @public
 */
export class ComplianceEvaluator {
  readonly #options: ComplianceEvaluatorOptions;

  constructor(options: ComplianceEvaluatorOptions) {
    this.#options = options;
  }

  async evaluate(
    options: { trigger?: EvaluationRecord['trigger']; now?: Date } = {},
  ): Promise<EvaluationRecord> {
    const { auth, catalog, logger } = this.#options;
    const now = options.now ?? new Date();
    const controlSet = this.#options.controls.current();
    const credentials = await auth.getOwnServiceCredentials();
    const { items: entities } = await catalog.getEntities(
      { filter: { kind: 'Component' } },
      { credentials },
    );
    const owners = await this.#resolveOwners(entities, credentials);
    const exemptions = await this.#options.exemptions.list({ now });
    const auditFacts = await this.#auditFacts();
    const unavailable = new UnavailableSources();
    const fleetClusters = await this.#options.sources.clusters();

    // Everything read from the sources first: the chain's head stays
    // locked only while the controls judge what was read.
    const observed = await mapConcurrently(entities, CONCURRENCY, entity =>
      this.#observeEntity({ entity, owners, auditFacts, unavailable, now }),
    );
    const platform = await this.#evaluatePlatform({
      controlSet,
      unavailable,
      now,
    });
    const run = {
      id: randomUUID(),
      evaluatedAt: now.toISOString(),
      controlsVersion: controlSet.controlsVersion,
    };
    const toRecord = (
      entityRef: string,
      result: ControlResult,
    ): NewEvidenceRecord => ({
      evaluationId: run.id,
      entityRef,
      controlId: result.controlId,
      status: result.status,
      observed: result.observed,
      controlsVersion: run.controlsVersion,
      evaluatedAt: run.evaluatedAt,
    });
    // Every result is stored without its control's heading, kept once
    // with the run.
    const headings = new Map<string, ControlHeading>(
      controlSet.controls.map(c => [
        c.id,
        { title: c.title, hipaa: c.hipaa, severity: c.severity },
      ]),
    );
    const summary = new ComplianceSummaryBuilder({
      controlsVersion: controlSet.controlsVersion,
    });
    // Services are judged as the chain takes their records, and each part
    // of the snapshot is written with the services behind it while the
    // next part is judged. Nothing is kept of a service once its rows are
    // queued, so a large fleet does not pile up in memory.
    let judged: ServiceSnapshot[] = [];
    let recordCount = 0;
    // The service whose first record is the next one chained: its results
    // are stored pointing at their records rather than repeating what was
    // observed.
    let awaitingFirstRecord: ServiceSnapshot | undefined;
    const judge = this.#judgeEntity.bind(this);
    function* records(): Generator<NewEvidenceRecord> {
      for (const service of observed) {
        const { evaluation, snapshot } = judge({
          ...service,
          exemptions,
          controlSet,
        });
        summary.add(evaluation);
        judged.push(snapshot);
        awaitingFirstRecord =
          evaluation.results.length > 0 ? snapshot : undefined;
        for (const result of evaluation.results) {
          recordCount += 1;
          yield toRecord(snapshot.entityRef, result);
        }
      }
      for (const p of platform) {
        recordCount += 1;
        yield toRecord(p.entityRef, p.result);
      }
    }
    const evaluations = this.#options.evaluations;
    let evaluation: EvaluationRecord | undefined;
    await this.#options.evidence.appendSnapshot({
      records: records(),
      keepRecords: false,
      onRecord: record => {
        if (awaitingFirstRecord) {
          awaitingFirstRecord.evidenceFirstSeq = record.seq;
          awaitingFirstRecord = undefined;
        }
      },
      alongside: () => {
        if (judged.length === 0) {
          return undefined;
        }
        const services = judged;
        judged = [];
        return evaluations.prepareServices({
          evaluation: run,
          headings,
          services,
        });
      },
      write: async trx => {
        evaluation = {
          ...run,
          trigger: options.trigger ?? 'manual',
          unavailableSources: unavailable.list(),
          partialSources: partialFleet(fleetClusters, unavailable.list()),
          summary: summary.build(),
        };
        await evaluations.writeServices({
          trx,
          evaluation: run,
          headings,
          services: platformSnapshots(platform),
        });
        await evaluations.writeRun({ trx, evaluation, headings });
      },
    });
    if (!evaluation) {
      throw new Error('The evaluation was stored without its run record');
    }
    logger.info(
      `Compliance evaluation ${evaluation.id}: ${
        entities.length
      } services, ${recordCount} evidence records, overall score ${
        evaluation.summary.overallScore
      }${
        evaluation.unavailableSources.length
          ? `; unavailable: ${evaluation.unavailableSources
              .map(u => `${u.source} (${u.reason})`)
              .join(', ')}`
          : ''
      }${
        evaluation.partialSources.length
          ? `; partial: ${evaluation.partialSources
              .map(p => `${p.source} (${p.reason})`)
              .join(', ')}`
          : ''
      }`,
    );
    return evaluation;
  }

  /** What the sources say of one entity: everything its controls judge. */
  async #observeEntity(options: {
    entity: Entity;
    owners: Map<string, Entity>;
    auditFacts: AuditFacts;
    unavailable: UnavailableSources;
    now: Date;
  }): Promise<ObservedEntity> {
    const { entity, owners, unavailable, now } = options;
    const entityRef = stringifyEntityRef(entity);
    const ownerRef = ownerRefOf(entity);
    const owner = ownerRef ? owners.get(ownerRef) : undefined;
    const profile = owner?.spec?.profile as { email?: unknown } | undefined;
    const observation = observeEntity({
      entity,
      ownerExists: ownerRef ? owner !== undefined : false,
      ...(owner ? { ownerKind: owner.kind } : {}),
      ...(typeof profile?.email === 'string'
        ? { ownerEmail: profile.email }
        : {}),
    });
    const [workloads, platformRecords] = await Promise.all([
      // An entity without the upstream Kubernetes annotations has no
      // workloads to observe; for one with them, fleet must answer.
      hasKubernetesAnnotation(entity)
        ? unavailable.ask('fleet', () =>
            this.#options.sources.workloads(getCompoundEntityRef(entity)),
          )
        : Promise.resolve([]),
      unavailable.ask('scaffolder', () =>
        this.#options.sources.platformRecords(entityRef),
      ),
    ]);
    return {
      entity,
      entityRef,
      ownerRef,
      input: {
        entity: observation,
        ...(workloads ? observeClusters(workloads) : {}),
        ...(platformRecords ? { platformRecords } : {}),
        audit: options.auditFacts,
        now,
      },
    };
  }

  /** One entity's results and the service snapshot stored with them. */
  #judgeEntity(
    options: ObservedEntity & {
      exemptions: Exemption[];
      controlSet: ControlSet;
    },
  ): { evaluation: ServiceEvaluation; snapshot: ServiceSnapshot } {
    const { entity, entityRef, ownerRef, input } = options;
    const evaluation = evaluateService(input, options.controlSet, {
      exemptions: options.exemptions,
    });
    const system =
      typeof entity.spec?.system === 'string' ? entity.spec.system : undefined;
    return {
      evaluation,
      snapshot: {
        entityRef,
        ...(ownerRef ? { owner: ownerRef } : {}),
        ...(system
          ? {
              system: stringifyEntityRef(
                parseEntityRef(system, {
                  defaultKind: 'system',
                  defaultNamespace: entity.metadata.namespace ?? 'default',
                }),
              ),
            }
          : {}),
        dataClassification: effectiveDataClassification(input.entity),
        score: evaluation.score,
        passed: evaluation.counts.pass,
        failed: evaluation.counts.fail,
        exempt: evaluation.counts.exempt,
        results: evaluation.results,
      },
    };
  }

  async #evaluatePlatform(options: {
    controlSet: ControlSet;
    unavailable: UnavailableSources;
    now: Date;
  }): Promise<Array<{ entityRef: string; result: ControlResult }>> {
    const clusters = await options.unavailable.ask('fleet-unregistered', () =>
      this.#options.sources.unregisteredWorkloads(),
    );
    const evaluation = evaluatePlatform(
      {
        unregisteredWorkloads: clusters
          ? observeClusters(clusters).workloads
          : [],
        now: options.now,
      },
      options.controlSet,
    );
    return evaluation.results.map(result => {
      const control = options.controlSet.controls.find(
        c => c.id === result.controlId,
      );
      const attributedTo = control?.evaluator.params?.attributedTo;
      const entityRef =
        typeof attributedTo === 'string' ? attributedTo : PLATFORM_OWNER;
      // Without the source the platform control cannot be judged.
      return {
        entityRef,
        result: clusters
          ? result
          : {
              ...result,
              status: 'not-applicable' as const,
              observed: { reason: 'unregistered workloads could not be read' },
              violations: [],
            },
      };
    });
  }

  async #resolveOwners(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, Entity>> {
    const refs = [
      ...new Set(entities.map(ownerRefOf).filter((r): r is string => !!r)),
    ];
    const owners = new Map<string, Entity>();
    if (refs.length === 0) {
      return owners;
    }
    const { items } = await this.#options.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    items.forEach((item, index) => {
      if (item) {
        owners.set(refs[index], item);
      }
    });
    return owners;
  }

  async #auditFacts(): Promise<AuditFacts> {
    const facts: AuditFacts = { restoreTests: {}, credentialRotations: {} };
    for (const [action, into] of [
      [restoreTestedAction, facts.restoreTests],
      [credentialsRotatedAction, facts.credentialRotations],
    ] as const) {
      for (const event of await this.#options.auditTrail.list({ action })) {
        const database = event.details.database;
        if (
          typeof database === 'string' &&
          (!into[database] || into[database] < event.at)
        ) {
          into[database] = event.at;
        }
      }
    }
    return facts;
  }
}

/**
 * Fleet's data is partial while a cluster has not synced (or has gone
 * stale or unreachable): its workloads may be missing from what fleet
 * answered. Nothing is added when fleet was unavailable altogether, since
 * that is recorded already.
 */
function partialFleet(
  clusters: SourceAnswer<FleetClusterState[]>,
  unavailable: UnavailableSource[],
): PartialSource[] {
  if (unavailable.some(u => u.source === 'fleet')) {
    return [];
  }
  if (!clusters.available) {
    return [
      {
        source: 'fleet',
        reason: `whether its clusters had synced is unknown: ${clusters.reason}`,
      },
    ];
  }
  const unsynced = clusters.value.filter(c => c.state !== 'synced');
  if (unsynced.length === 0) {
    return [];
  }
  return [
    {
      source: 'fleet',
      reason: `clusters not synced: ${unsynced
        .map(
          c => `${c.name} (${c.state}${c.lastError ? `: ${c.lastError}` : ''})`,
        )
        .join(', ')}`,
    },
  ];
}

function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    // A malformed owner reference resolves to no owner; CP-CAT-01 fails it.
    return undefined;
  }
}

function observeClusters(clusters: ClusterObjects[]): KubernetesObservations {
  const merged: KubernetesObservations = {
    workloads: [],
    services: [],
    ingresses: [],
    networkPolicies: [],
    pdbs: [],
    hpas: [],
    serviceAccounts: [],
  };
  for (const { cluster, objects } of clusters) {
    const observed = observeKubernetesObjects(objects, {
      source: { type: 'cluster', cluster },
    });
    for (const key of Object.keys(merged) as Array<
      keyof KubernetesObservations
    >) {
      (merged[key] as unknown[]).push(...observed[key]);
    }
  }
  return merged;
}

function platformSnapshots(
  platform: Array<{ entityRef: string; result: ControlResult }>,
): ServiceSnapshot[] {
  const byRef = new Map<string, ControlResult[]>();
  for (const { entityRef, result } of platform) {
    byRef.set(entityRef, [...(byRef.get(entityRef) ?? []), result]);
  }
  return [...byRef].map(([entityRef, results]) => {
    const passed = results.filter(r => r.status === 'pass').length;
    const failed = results.filter(r => r.status === 'fail').length;
    return {
      entityRef,
      owner: entityRef,
      dataClassification: 'internal',
      score: passed + failed === 0 ? null : passed / (passed + failed),
      passed,
      failed,
      exempt: results.filter(r => r.status === 'exempt').length,
      results,
    };
  });
}

async function mapConcurrently<T, R>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(concurrency, items.length) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

const KUBERNETES_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
];

function hasKubernetesAnnotation(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return KUBERNETES_ANNOTATIONS.some(key => Boolean(annotations[key]));
}
