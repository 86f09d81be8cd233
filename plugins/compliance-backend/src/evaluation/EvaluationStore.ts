import type { Knex } from 'knex';
import { prepareInsertRows, type PreparedWrite } from '../database/insertRows';
import type { EvidenceStore } from '../evidence/EvidenceStore';
import type {
  ComplianceSummary,
  ControlResult,
  HistoryPoint,
  PartialSource,
  UnavailableSource,
} from '@carepath/plugin-compliance-common';

export type { PartialSource, UnavailableSource };

/**
 * One evaluation run.
 *
 * @public
 */
export interface EvaluationRecord {
  id: string;
  /** ISO 8601 */
  evaluatedAt: string;
  controlsVersion: string;
  /** `exemption`: run right after an exemption was approved or rejected. */
  trigger: 'schedule' | 'manual' | 'exemption';
  unavailableSources: UnavailableSource[];
  /** Sources read only in part; empty when all were complete. */
  partialSources: PartialSource[];
  summary: ComplianceSummary;
}

/**
 * One service as evaluated in one run.
 *
 * @public
 */
export interface ServiceSnapshot {
  entityRef: string;
  owner?: string;
  system?: string;
  dataClassification: string;
  score: number | null;
  passed: number;
  failed: number;
  exempt: number;
  results: ControlResult[];
  /**
   * Where the service's evidence records start in the chain: one record
   * per result, in order. When set, its results are stored without what
   * was observed, which the records hold, and read back from them.
   */
  evidenceFirstSeq?: number;
}

interface EvaluationRow {
  id: string;
  evaluated_at: string;
  controls_version: string;
  trigger: string;
  unavailable_sources: string;
  partial_sources: string | null;
  controls?: string | null;
  summary: string;
}

/**
 * What an export shows of a control, the same for every service of a run.
 *
 * @public
 */
export interface ControlHeading {
  title: string;
  hipaa: string[];
  severity: ControlResult['severity'];
}

/**
 * What an export adds to each evidence record of a run, read without
 * parsing every service's results.
 *
 * @public
 */
export interface ExportContext {
  controls: Map<string, ControlHeading>;
  services: Map<
    string,
    { owner: string; system: string; dataClassification: string }
  >;
  /** `${entityRef}\n${controlId}` → expiry of the exemption applied. */
  exemptUntil: Map<string, string>;
}

interface ServiceRow {
  evaluation_id: string;
  entity_ref: string;
  owner: string | null;
  system: string | null;
  data_classification: string;
  score: number | null;
  passed: number;
  failed: number;
  exempt: number;
  results: string;
  evidence_first_seq: number | null;
}

/** Evidence records read at once to fill in observed inputs. */
const OBSERVED_PAGE = 10_000;

function scoreOf(passed: number, failed: number): number | null {
  return passed + failed === 0 ? null : passed / (passed + failed);
}

function fromEvaluationRow(row: EvaluationRow): EvaluationRecord {
  return {
    id: row.id,
    evaluatedAt: row.evaluated_at,
    controlsVersion: row.controls_version,
    trigger: row.trigger as EvaluationRecord['trigger'],
    unavailableSources: JSON.parse(row.unavailable_sources),
    partialSources: row.partial_sources ? JSON.parse(row.partial_sources) : [],
    summary: JSON.parse(row.summary),
  };
}

/**
 * A result as stored: what every service of the run shares (the control's
 * heading, the evaluation time) and an empty violations list are left out.
 * A stored result that has them (written before headings were kept per
 * run, or different from them) keeps them. What was observed is left out
 * when the service's evidence records hold it (`evidence_first_seq`).
 */
type StoredResult = Omit<
  ControlResult,
  'title' | 'hipaa' | 'severity' | 'evaluatedAt' | 'violations' | 'observed'
> &
  Partial<ControlResult>;

function compactResult(
  result: ControlResult,
  heading: ControlHeading | undefined,
  evaluatedAt: string,
  observedInEvidence: boolean,
): StoredResult {
  const { title, hipaa, severity, violations } = result;
  // Built key by key in the result's own order rather than copied and
  // trimmed with `delete`, which would leave every stored object in the
  // slow dictionary form that JSON.stringify walks key by key.
  const stored: Record<string, unknown> = {};
  for (const key of Object.keys(result) as Array<keyof ControlResult>) {
    if (
      key === 'title' ||
      key === 'hipaa' ||
      key === 'severity' ||
      key === 'violations' ||
      (key === 'observed' && observedInEvidence) ||
      (key === 'evaluatedAt' && result.evaluatedAt === evaluatedAt)
    ) {
      continue;
    }
    stored[key] = result[key];
  }
  if (
    !heading ||
    heading.title !== title ||
    heading.severity !== severity ||
    // Results of one control share its citations: compare texts only
    // when they are different arrays.
    (heading.hipaa !== hipaa && heading.hipaa.join('\n') !== hipaa.join('\n'))
  ) {
    stored.title = title;
    stored.hipaa = hipaa;
    stored.severity = severity;
  }
  if (violations.length > 0) {
    stored.violations = violations;
  }
  return stored as StoredResult;
}

function fullResult(
  stored: StoredResult,
  headings: Map<string, ControlHeading>,
  evaluatedAt: string,
): ControlResult {
  const heading = headings.get(stored.controlId);
  return {
    ...stored,
    title: stored.title ?? heading?.title ?? stored.controlId,
    hipaa: stored.hipaa ?? heading?.hipaa ?? [],
    severity: (stored.severity ??
      heading?.severity ??
      'medium') as ControlResult['severity'],
    violations: stored.violations ?? [],
    evaluatedAt: stored.evaluatedAt ?? evaluatedAt,
    observed: stored.observed ?? {},
  };
}

function fromServiceRow(
  row: ServiceRow,
  run: { headings: Map<string, ControlHeading>; evaluatedAt: string },
): ServiceSnapshot {
  return {
    entityRef: row.entity_ref,
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.system ? { system: row.system } : {}),
    dataClassification: row.data_classification,
    // Recomputed from the counts, so no database's float parsing can
    // change a score by a rounding step.
    score: scoreOf(Number(row.passed), Number(row.failed)),
    passed: Number(row.passed),
    failed: Number(row.failed),
    exempt: Number(row.exempt),
    results: (JSON.parse(row.results) as StoredResult[]).map(r =>
      fullResult(r, run.headings, run.evaluatedAt),
    ),
    ...(row.evidence_first_seq === null || row.evidence_first_seq === undefined
      ? {}
      : { evidenceFirstSeq: Number(row.evidence_first_seq) }),
  };
}

function controlHeadings(
  services: Array<Pick<ServiceSnapshot, 'results'>>,
): Map<string, ControlHeading> {
  const headings = new Map<string, ControlHeading>();
  for (const service of services) {
    for (const { controlId, title, hipaa, severity } of service.results) {
      if (!headings.has(controlId)) {
        headings.set(controlId, { title, hipaa, severity });
      }
    }
  }
  return headings;
}

/**
 * Evaluation runs and their per-service results, written in the same
 * transaction as the run's evidence snapshot.
 *
 * @public
 */
export class EvaluationStore {
  readonly #knex: Knex;
  readonly #evidence: EvidenceStore;

  constructor(options: { knex: Knex; evidence: EvidenceStore }) {
    this.#knex = options.knex;
    this.#evidence = options.evidence;
  }

  /**
   * Stores a run and all its services. `writeServices` and `writeRun`
   * store the same in parts, for a run that writes its services as it
   * judges them.
   */
  async write(options: {
    trx: Knex.Transaction;
    evaluation: EvaluationRecord;
    services: ServiceSnapshot[];
  }): Promise<void> {
    const { trx, evaluation, services } = options;
    const headings = controlHeadings(services);
    await this.writeServices({
      trx,
      evaluation,
      headings,
      services,
    });
    await this.writeRun({ trx, evaluation, headings });
  }

  /**
   * Stores a run's record. `headings` are the control headings its
   * services' results were stored without (see `writeServices`).
   */
  async writeRun(options: {
    trx: Knex.Transaction;
    evaluation: EvaluationRecord;
    headings: Map<string, ControlHeading>;
  }): Promise<void> {
    const { trx, evaluation, headings } = options;
    await trx('evaluations').insert({
      id: evaluation.id,
      evaluated_at: evaluation.evaluatedAt,
      controls_version: evaluation.controlsVersion,
      trigger: evaluation.trigger,
      unavailable_sources: JSON.stringify(evaluation.unavailableSources),
      partial_sources: evaluation.partialSources.length
        ? JSON.stringify(evaluation.partialSources)
        : null,
      controls: JSON.stringify(Object.fromEntries(headings)),
      summary: JSON.stringify(evaluation.summary),
    });
  }

  /**
   * Stores services of a run, in the run's transaction. Each result is
   * stored without what `headings` (stored with the run) holds for its
   * control, and without the run's evaluation time.
   */
  async writeServices(options: {
    trx: Knex.Transaction;
    evaluation: Pick<EvaluationRecord, 'id' | 'evaluatedAt'>;
    headings: Map<string, ControlHeading>;
    services: ServiceSnapshot[];
  }): Promise<void> {
    const { trx, ...services } = options;
    await this.prepareServices(services)(trx);
  }

  /**
   * `writeServices`, with the rows built now and sent when the returned
   * write runs, so a run can build them while the database is busy.
   */
  prepareServices(options: {
    evaluation: Pick<EvaluationRecord, 'id' | 'evaluatedAt'>;
    headings: Map<string, ControlHeading>;
    services: ServiceSnapshot[];
  }): PreparedWrite {
    const { evaluation, headings, services } = options;
    const rows = services.map(
      (s): ServiceRow => ({
        evaluation_id: evaluation.id,
        entity_ref: s.entityRef,
        owner: s.owner ?? null,
        system: s.system ?? null,
        data_classification: s.dataClassification,
        score: s.score,
        passed: s.passed,
        failed: s.failed,
        exempt: s.exempt,
        results: JSON.stringify(
          s.results.map(r =>
            compactResult(
              r,
              headings.get(r.controlId),
              evaluation.evaluatedAt,
              s.evidenceFirstSeq !== undefined,
            ),
          ),
        ),
        evidence_first_seq: s.evidenceFirstSeq ?? null,
      }),
    );
    return prepareInsertRows({
      client: this.#knex.client,
      table: 'evaluation_services',
      rows,
    });
  }

  /** The run in force at a time (the newest at or before it), or the latest. */
  async inForce(
    options: { at?: Date } = {},
  ): Promise<EvaluationRecord | undefined> {
    const q = this.#knex<EvaluationRow>('evaluations')
      .orderBy([
        { column: 'evaluated_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    if (options.at) {
      q.where('evaluated_at', '<=', options.at.toISOString());
    }
    const row: EvaluationRow | undefined = await q;
    return row ? fromEvaluationRow(row) : undefined;
  }

  /**
   * The services of a run. `observed: false` leaves out what was observed
   * for results whose evidence records hold it (their `observed` is
   * empty) until `readObserved` fills it in, for a reader that shows only
   * some of them.
   */
  async services(options: {
    evaluationId: string;
    entityRef?: string;
    observed?: boolean;
  }): Promise<ServiceSnapshot[]> {
    const q = this.#knex<ServiceRow>('evaluation_services')
      .where('evaluation_id', options.evaluationId)
      .orderBy('entity_ref');
    if (options.entityRef) {
      q.where('entity_ref', options.entityRef);
    }
    const [rows, run] = await Promise.all([
      q as Promise<ServiceRow[]>,
      this.#run(options.evaluationId),
    ]);
    const services = rows.map(row => fromServiceRow(row, run));
    if (options.observed ?? true) {
      await this.readObserved(services);
    }
    return services;
  }

  /**
   * Fills in what was observed for the results stored without it, from
   * their evidence records. A record that no longer holds the result (a
   * purged one, or one altered since) leaves a note instead.
   */
  async readObserved(services: ServiceSnapshot[]): Promise<void> {
    const spans = services
      .filter(s => s.evidenceFirstSeq !== undefined && s.results.length > 0)
      .map(s => ({
        service: s,
        from: s.evidenceFirstSeq!,
        to: s.evidenceFirstSeq! + s.results.length - 1,
      }))
      .sort((a, b) => a.from - b.from);
    const byRange: Array<{ from: number; to: number }> = [];
    for (const { from, to } of spans) {
      const last = byRange[byRange.length - 1];
      // Services of one run are consecutive in the chain: one range reads
      // many of them, up to a page of records at a time.
      if (last && from <= last.to + 1 && to - last.from < OBSERVED_PAGE) {
        last.to = Math.max(last.to, to);
      } else {
        byRange.push({ from, to });
      }
    }
    const records = await this.#evidence.observedInRanges(byRange);
    for (const { service, from } of spans) {
      service.results.forEach((result, i) => {
        const record = records.get(from + i);
        if (
          record &&
          record.entityRef === service.entityRef &&
          record.controlId === result.controlId
        ) {
          result.observed = JSON.parse(record.observed);
        } else {
          result.observed = {
            unavailable: `evidence record ${
              from + i
            } no longer holds this result: purged after the retention period, or altered (GET /evidence/verify tells which)`,
          };
        }
      });
    }
  }

  /** What every stored result of a run leaves out. */
  async #run(evaluationId: string): Promise<{
    headings: Map<string, ControlHeading>;
    evaluatedAt: string;
  }> {
    const row: Pick<EvaluationRow, 'controls' | 'evaluated_at'> | undefined =
      await this.#knex('evaluations')
        .where({ id: evaluationId })
        .first('controls', 'evaluated_at');
    return {
      headings: new Map(
        row?.controls ? Object.entries(JSON.parse(row.controls)) : [],
      ),
      evaluatedAt: row?.evaluated_at ?? '',
    };
  }

  /** What an export of one run adds to its evidence records. */
  async exportContext(evaluationId: string): Promise<ExportContext> {
    const run: Pick<EvaluationRow, 'controls'> | undefined = await this.#knex(
      'evaluations',
    )
      .where({ id: evaluationId })
      .first('controls');
    // Without headings stored for the run, its results hold them in full.
    const services: ExportContext['services'] = new Map();
    const rows: Array<
      Pick<
        ServiceRow,
        'entity_ref' | 'owner' | 'system' | 'data_classification' | 'exempt'
      >
    > = await this.#knex('evaluation_services')
      .where({ evaluation_id: evaluationId })
      .select('entity_ref', 'owner', 'system', 'data_classification', 'exempt');
    for (const row of rows) {
      services.set(row.entity_ref, {
        owner: row.owner ?? '',
        system: row.system ?? '',
        dataClassification: row.data_classification,
      });
    }
    // Only services with an exempt result, or every service for a run
    // stored before control headings were, need their results read.
    const withResults = this.#knex('evaluation_services')
      .where({ evaluation_id: evaluationId })
      .select('entity_ref', 'results');
    if (run?.controls) {
      withResults.where('exempt', '>', 0);
    }
    const parsed: ServiceSnapshot[] = (
      (await withResults) as Array<Pick<ServiceRow, 'entity_ref' | 'results'>>
    ).map(row => ({
      entityRef: row.entity_ref,
      results: JSON.parse(row.results) as ControlResult[],
    })) as ServiceSnapshot[];
    const exemptUntil = new Map<string, string>();
    for (const service of parsed) {
      for (const result of service.results) {
        if (result.exemption) {
          exemptUntil.set(
            `${service.entityRef}\n${result.controlId}`,
            result.exemption.expiresAt,
          );
        }
      }
    }
    const controls = run?.controls
      ? new Map<string, ControlHeading>(
          Object.entries(JSON.parse(run.controls)),
        )
      : controlHeadings(parsed);
    return { controls, services, exemptUntil };
  }

  /** Fleet-wide and per-service scores per run, oldest first. */
  async history(options: {
    from?: Date;
    to?: Date;
  }): Promise<{ overall: HistoryPoint[]; services: HistoryPoint[] }> {
    const runs = this.#knex<EvaluationRow>('evaluations').select(
      'id',
      'evaluated_at',
    );
    if (options.from)
      runs.where('evaluated_at', '>=', options.from.toISOString());
    if (options.to) runs.where('evaluated_at', '<=', options.to.toISOString());
    const rows: Array<{
      evaluated_at: string;
      entity_ref: string;
      score: number | null;
      passed: number;
      failed: number;
      exempt: number;
    }> = await this.#knex('evaluation_services as s')
      .join(runs.as('e'), 'e.id', 's.evaluation_id')
      .select(
        'e.evaluated_at',
        's.entity_ref',
        's.score',
        's.passed',
        's.failed',
        's.exempt',
      )
      .orderBy([
        { column: 'e.evaluated_at', order: 'asc' },
        { column: 's.entity_ref', order: 'asc' },
      ]);
    const overall = new Map<string, HistoryPoint>();
    const services: HistoryPoint[] = [];
    for (const row of rows) {
      const passed = Number(row.passed);
      const failed = Number(row.failed);
      const exempt = Number(row.exempt);
      services.push({
        entityRef: row.entity_ref,
        at: row.evaluated_at,
        score: scoreOf(passed, failed),
        passed,
        failed,
        exempt,
      });
      const point = overall.get(row.evaluated_at) ?? {
        at: row.evaluated_at,
        score: null,
        passed: 0,
        failed: 0,
        exempt: 0,
      };
      point.passed += passed;
      point.failed += failed;
      point.exempt += exempt;
      point.score = scoreOf(point.passed, point.failed);
      overall.set(row.evaluated_at, point);
    }
    return { overall: [...overall.values()], services };
  }
}
