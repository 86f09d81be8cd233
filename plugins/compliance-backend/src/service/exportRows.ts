import type { EvidenceProof } from '../evidence/EvidenceStore';
import type { ServiceSnapshot } from '../evaluation/EvaluationStore';

/**
 * One row of an export: one service × one applicable control.
 *
 * @public
 */
export interface ExportRow {
  entityRef: string;
  owner: string;
  system: string;
  dataClassification: string;
  controlId: string;
  title: string;
  hipaa: string;
  severity: string;
  status: string;
  exemptUntil: string;
  /** JSON */
  observed: string;
  evaluatedAt: string;
  controlsVersion: string;
  evidenceHash: string;
}

/** Column order of the CSV export. */
export const exportColumns: Array<keyof ExportRow> = [
  'entityRef',
  'owner',
  'system',
  'dataClassification',
  'controlId',
  'title',
  'hipaa',
  'severity',
  'status',
  'exemptUntil',
  'observed',
  'evaluatedAt',
  'controlsVersion',
  'evidenceHash',
];

/** Joins a snapshot's results with the evidence records that prove them. */
export function exportRows(options: {
  services: ServiceSnapshot[];
  evidence: EvidenceProof[];
}): ExportRow[] {
  const evidenceByKey = new Map<string, EvidenceProof>();
  for (const record of options.evidence) {
    evidenceByKey.set(`${record.entityRef}\n${record.controlId}`, record);
  }
  return options.services.flatMap(service =>
    service.results.map(result => {
      const evidence = evidenceByKey.get(
        `${service.entityRef}\n${result.controlId}`,
      );
      return {
        entityRef: service.entityRef,
        owner: service.owner ?? '',
        system: service.system ?? '',
        dataClassification: service.dataClassification,
        controlId: result.controlId,
        title: result.title,
        hipaa: result.hipaa.join('; '),
        severity: result.severity,
        status: result.status,
        exemptUntil: result.exemption?.expiresAt ?? '',
        observed: JSON.stringify(result.observed),
        evaluatedAt: result.evaluatedAt,
        controlsVersion: evidence?.controlsVersion ?? '',
        evidenceHash: evidence?.hash ?? '',
      };
    }),
  );
}
