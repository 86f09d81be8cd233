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

/**
 * Joins one service's results with the evidence records that prove them.
 * `proofs` are that service's records in chain order, which is the order of
 * its results, so the match is positional and checked by control id.
 */
export function serviceExportRows(
  service: ServiceSnapshot,
  proofs: EvidenceProof[] = [],
): ExportRow[] {
  return service.results.map((result, index) => {
    const evidence =
      proofs[index]?.controlId === result.controlId
        ? proofs[index]
        : proofs.find(p => p.controlId === result.controlId);
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
  });
}

/** Joins a snapshot's results with the evidence records that prove them. */
export function exportRows(options: {
  services: ServiceSnapshot[];
  proofs: Map<string, EvidenceProof[]>;
}): ExportRow[] {
  return options.services.flatMap(service =>
    serviceExportRows(service, options.proofs.get(service.entityRef)),
  );
}
