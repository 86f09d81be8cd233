import type {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  complianceEvaluatePermission,
  complianceEvidenceVerifyPermission,
  complianceExemptionDecidePermission,
  complianceExemptionRequestPermission,
  complianceExportPermission,
  complianceResultsReadPermission,
  resultsQuerySchema,
  summariseCompliance,
  type ControlStatus,
  type ServiceEvaluation,
} from '@carepath/plugin-compliance-common';
import express, { type Request, type Response } from 'express';
import { once } from 'node:events';
import Router from 'express-promise-router';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { AuditTrail } from '../audit/AuditTrail';
import type { ControlCatalog } from '../controls/ControlCatalog';
import type { ComplianceEvaluator } from '../evaluation/ComplianceEvaluator';
import type {
  EvaluationStore,
  ServiceSnapshot,
} from '../evaluation/EvaluationStore';
import type { EvidenceStore } from '../evidence/EvidenceStore';
import type { ExemptionStore } from '../exemptions/ExemptionStore';
import { exportCsv } from './exportCsv';
import { exportRows } from './exportRows';
import { parseInput } from './parseInput';
import { toCsv } from './toCsv';

/** What the compliance routes read and write. */
export interface ComplianceRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  controls: ControlCatalog;
  evaluator: ComplianceEvaluator;
  evaluations: EvaluationStore;
  evidence: EvidenceStore;
  exemptions: ExemptionStore;
  auditTrail: AuditTrail;
}

const isoTime = z
  .string()
  .refine(v => !Number.isNaN(Date.parse(v)), 'expected an ISO 8601 time')
  .transform(v => new Date(v));

const exemptionRequestSchema = z.strictObject({
  entityRef: z.string().min(1),
  controlId: z.string().min(1),
  justification: z.string(),
  expiresAt: z.string(),
});
const decisionSchema = z.strictObject({ comment: z.string().min(1) });
const exemptionsQuerySchema = z.strictObject({
  state: z.enum(['requested', 'approved', 'rejected', 'expired']).optional(),
  entityRef: z.string().optional(),
});
const historyQuerySchema = z.strictObject({
  from: isoTime.optional(),
  to: isoTime.optional(),
  entityRef: z.string().optional(),
});
const exportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'json']).default('json'),
  at: isoTime.optional(),
});
const auditQuerySchema = z.strictObject({
  actor: z.string().optional(),
  action: z.string().optional(),
  entityRef: z.string().optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  format: z.enum(['csv', 'json']).default('json'),
});
const auditEventSchema = z.strictObject({
  action: z.string().min(1).max(128),
  actor: z.string().min(1).max(255).optional(),
  entityRef: z.string().min(1).max(255).optional(),
  at: isoTime.optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

function asEvaluation(
  snapshot: ServiceSnapshot,
  controlsVersion: string,
  evaluatedAt: string,
): ServiceEvaluation {
  const counts: Record<ControlStatus, number> = {
    pass: 0,
    fail: 0,
    exempt: 0,
    'not-applicable': 0,
  };
  snapshot.results.forEach(r => {
    counts[r.status] += 1;
  });
  return {
    entityRef: snapshot.entityRef,
    controlsVersion,
    evaluatedAt,
    results: snapshot.results,
    score: snapshot.score,
    counts,
    violations: snapshot.results
      .filter(r => r.status === 'fail')
      .flatMap(r => r.violations),
  };
}

/**
 * Writes a chunk of a streamed answer, waiting while the client's buffer is
 * full; false when the client went away.
 */
async function writeChunk(res: Response, chunk: string): Promise<boolean> {
  if (!res.write(chunk)) {
    const stop = new AbortController();
    await Promise.race([
      once(res, 'drain', { signal: stop.signal }),
      once(res, 'close', { signal: stop.signal }),
    ]).finally(() => stop.abort());
  }
  return !res.destroyed;
}

/** The `/api/compliance` routes. Every route is permission-gated. */
export async function createComplianceRouter(
  options: ComplianceRouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions } = options;
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  async function requireBasic(req: Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  }

  async function requireEntity(
    req: Request,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ) {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: ${permission.name} on ${entityRef}`,
      );
    }
    return credentials;
  }

  /**
   * Which of these entities the caller may read results of. A conditional
   * decision (e.g. "services I own") is resolved per entity.
   */
  async function readableEntities(
    req: Request,
    entityRefs: string[],
  ): Promise<(ref: string) => boolean> {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorizeConditional(
      [{ permission: complianceResultsReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return () => true;
    }
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Not allowed: ${complianceResultsReadPermission.name}`,
      );
    }
    const decisions = await permissions.authorize(
      entityRefs.map(resourceRef => ({
        permission: complianceResultsReadPermission,
        resourceRef,
      })),
      { credentials },
    );
    const allowed = new Set(
      entityRefs.filter(
        (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
      ),
    );
    return ref => allowed.has(ref);
  }

  async function audit(entry: {
    req: Request;
    trx?: Knex.Transaction;
    actor: string;
    action: string;
    entityRef?: string;
    details: Record<string, unknown>;
  }) {
    await options.auditTrail.record({
      actor: entry.actor,
      action: entry.action,
      entityRef: entry.entityRef,
      details: entry.details,
      request: entry.req,
      trx: entry.trx,
    });
  }

  router.get('/controls', async (req, res) => {
    await readableEntities(req, []);
    res.json(options.controls.current());
  });

  router.post('/controls/reload', async (req, res) => {
    await requireBasic(req, complianceEvaluatePermission);
    // A bad file throws and the set in force stays.
    let set;
    try {
      set = await options.controls.reload();
    } catch (error) {
      const current = options.controls.current();
      throw new InputError(
        `Controls not reloaded; ${current.source} (${
          current.controlsVersion
        }) stays in force. ${(error as Error).message}`,
      );
    }
    res.json({ controlsVersion: set.controlsVersion, source: set.source });
  });

  router.get('/results', async (req, res) => {
    const query = parseInput({
      schema: resultsQuerySchema,
      value: req.query,
      what: 'results query',
    });
    const evaluation = await options.evaluations.inForce();
    if (!evaluation) {
      await readableEntities(req, []);
      res.json({ evaluation: null, summary: null, total: 0, items: [] });
      return;
    }
    // What was observed is read only for the page returned.
    const all = await options.evaluations.services({
      evaluationId: evaluation.id,
      observed: false,
    });
    const readable = await readableEntities(
      req,
      all.map(s => s.entityRef),
    );
    const oneOf = (values: string[] | undefined, value: string | undefined) =>
      !values || (value !== undefined && values.includes(value));
    const services = all.filter(
      s =>
        readable(s.entityRef) &&
        oneOf(query.owner, s.owner) &&
        oneOf(query.system, s.system) &&
        oneOf(query.dataClassification, s.dataClassification),
    );
    const summary = summariseCompliance({
      controlsVersion: evaluation.controlsVersion,
      evaluations: services.map(s =>
        asEvaluation(s, evaluation.controlsVersion, evaluation.evaluatedAt),
      ),
    });
    const narrowed = services
      .map(s => ({
        ...s,
        results: s.results.filter(
          r =>
            oneOf(query.control, r.controlId) && oneOf(query.status, r.status),
        ),
      }))
      .filter(s => s.results.length > 0 || (!query.control && !query.status));
    const offset = query.offset ?? 0;
    const items = narrowed.slice(offset, offset + (query.limit ?? 100));
    // The page's results are the services' own result objects, narrowed:
    // filling in the full services fills them in.
    const onPage = new Set(items.map(s => s.entityRef));
    await options.evaluations.readObserved(
      services.filter(s => onPage.has(s.entityRef)),
    );
    res.json({
      evaluation: { ...evaluation, summary: undefined },
      summary,
      total: narrowed.length,
      items,
    });
  });

  router.get('/results/:kind/:namespace/:name', async (req, res) => {
    const entityRef = stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });
    await requireEntity(req, complianceResultsReadPermission, entityRef);
    const evaluation = await options.evaluations.inForce();
    const [service] = evaluation
      ? await options.evaluations.services({
          evaluationId: evaluation.id,
          entityRef,
        })
      : [];
    if (!evaluation || !service) {
      throw new NotFoundError(`No compliance results for ${entityRef}`);
    }
    res.json({ evaluation: { ...evaluation, summary: undefined }, ...service });
  });

  router.post('/evaluate', async (req, res) => {
    const credentials = await requireBasic(req, complianceEvaluatePermission);
    const evaluation = await options.evaluator.evaluate({ trigger: 'manual' });
    await audit({
      req,
      actor: actorOf(credentials),
      action: 'compliance.evaluated',
      details: { evaluationId: evaluation.id },
    });
    res.status(201).json(evaluation);
  });

  router.get('/exemptions', async (req, res) => {
    const query = parseInput({
      schema: exemptionsQuerySchema,
      value: req.query,
      what: 'exemptions query',
    });
    const exemptions = await options.exemptions.list({
      ...query,
      now: new Date(),
    });
    const readable = await readableEntities(req, [
      ...new Set(exemptions.map(e => e.entityRef)),
    ]);
    res.json({ items: exemptions.filter(e => readable(e.entityRef)) });
  });

  router.post('/exemptions', async (req, res) => {
    const body = parseInput({
      schema: exemptionRequestSchema,
      value: req.body,
      what: 'exemption request',
    });
    const credentials = await requireEntity(
      req,
      complianceExemptionRequestPermission,
      body.entityRef,
    );
    const exemption = await options.exemptions.request({
      ...body,
      requestedBy: actorOf(credentials),
      now: new Date(),
      write: (trx, requested) =>
        audit({
          req,
          trx,
          actor: requested.requestedBy,
          action: 'exemption.requested',
          entityRef: requested.entityRef,
          details: {
            exemptionId: requested.id,
            controlId: requested.controlId,
            justification: requested.justification,
            expiresAt: requested.expiresAt,
          },
        }),
    });
    res.status(201).json(exemption);
  });

  for (const decision of ['approved', 'rejected'] as const) {
    const verb = decision === 'approved' ? 'approve' : 'reject';
    router.post(`/exemptions/:id/${verb}`, async (req, res) => {
      const credentials = await requireBasic(
        req,
        complianceExemptionDecidePermission,
      );
      const { comment } = parseInput({
        schema: decisionSchema,
        value: req.body,
        what: `${verb} request`,
      });
      const exemption = await options.exemptions.decide({
        id: req.params.id,
        decision,
        decidedBy: actorOf(credentials),
        comment,
        now: new Date(),
        write: (trx, decided) =>
          audit({
            req,
            trx,
            actor: actorOf(credentials),
            action: `exemption.${decision}`,
            entityRef: decided.entityRef,
            details: {
              exemptionId: decided.id,
              controlId: decided.controlId,
              comment,
            },
          }),
      });
      // The decision changes the service's result: evaluate again now rather
      // than at the next scheduled run. The response does not wait for it.
      options.evaluator
        .evaluate({ trigger: 'exemption' })
        .catch(error =>
          options.logger.error(
            `Evaluation after the ${decision} exemption ${exemption.id} failed; results change at the next scheduled run`,
            error,
          ),
        );
      res.json(exemption);
    });
  }

  router.get('/history', async (req, res) => {
    const query = parseInput({
      schema: historyQuerySchema,
      value: req.query,
      what: 'history query',
    });
    const history = await options.evaluations.history(query);
    const services = history.services.filter(
      p => !query.entityRef || p.entityRef === query.entityRef,
    );
    const readable = await readableEntities(req, [
      ...new Set(services.map(p => p.entityRef ?? '')),
    ]);
    res.json({
      overall: history.overall,
      services: services.filter(p => readable(p.entityRef ?? '')),
    });
  });

  router.get('/export', async (req, res) => {
    const credentials = await requireBasic(req, complianceExportPermission);
    const query = parseInput({
      schema: exportQuerySchema,
      value: req.query,
      what: 'export query',
    });
    const evaluation = await options.evaluations.inForce({ at: query.at });
    if (!evaluation) {
      throw new NotFoundError(
        query.at
          ? `No evaluation had run by ${query.at.toISOString()}`
          : 'No evaluation has run yet',
      );
    }
    await audit({
      req,
      actor: actorOf(credentials),
      action: 'compliance.exported',
      details: {
        evaluationId: evaluation.id,
        format: query.format,
        at: (query.at ?? new Date()).toISOString(),
        rows: await options.evidence.countByEvaluation(evaluation.id),
      },
    });
    const filename = `compliance-${evaluation.evaluatedAt.replace(
      /[:.]/g,
      '-',
    )}`;
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${filename}.csv`);
      for await (const chunk of exportCsv({
        evaluations: options.evaluations,
        evidence: options.evidence,
        evaluationId: evaluation.id,
      })) {
        if (!(await writeChunk(res, chunk))) {
          return;
        }
      }
      res.end();
      return;
    }
    const rows = exportRows({
      services: await options.evaluations.services({
        evaluationId: evaluation.id,
      }),
      proofs: await options.evidence.proofsByEntity(evaluation.id),
    });
    res.attachment(`${filename}.json`).json({ evaluation, rows });
  });

  router.get('/evidence/verify', async (req, res) => {
    await requireBasic(req, complianceEvidenceVerifyPermission);
    const attestedStart = await options.auditTrail.attestedEvidenceStart();
    const [evidence, auditTrail] = await Promise.all([
      options.evidence.verify({ attestedStart }),
      options.auditTrail.verify(),
    ]);
    res.json({ ok: evidence.ok && auditTrail.ok, evidence, auditTrail });
  });

  router.get('/audit-events', async (req, res) => {
    await requireBasic(req, complianceExportPermission);
    const { format, from, to, ...filters } = parseInput({
      schema: auditQuerySchema,
      value: req.query,
      what: 'audit events query',
    });
    const events = await options.auditTrail.list({
      ...filters,
      ...(from ? { from: from.toISOString() } : {}),
      ...(to ? { to: to.toISOString() } : {}),
    });
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`audit-events-${new Date().toISOString().slice(0, 10)}.csv`)
        .send(
          toCsv({
            columns: [
              'seq',
              'at',
              'actor',
              'action',
              'entityRef',
              'details',
              'prevHash',
              'hash',
            ],
            rows: events.map(e => ({
              ...e,
              details: JSON.stringify(e.details),
            })),
          }),
        );
      return;
    }
    res.json({ items: events });
  });

  router.post('/audit-events', async (req, res) => {
    // Other CarePath plugins report here; a person never writes the trail.
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const body = parseInput({
      schema: auditEventSchema,
      value: req.body,
      what: 'audit event',
    });
    const event = await options.auditTrail.record({
      actor: body.actor ?? credentials.principal.subject,
      action: body.action,
      entityRef: body.entityRef,
      details: body.details,
      at: body.at,
      request: req,
    });
    res.status(201).json(event);
  });

  return router;
}
