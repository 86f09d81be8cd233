import type { EvaluationStore } from '../evaluation/EvaluationStore';
import type { EvidenceStore } from '../evidence/EvidenceStore';
import { exportColumns, serviceExportRows } from './exportRows';
import { csvLine } from './toCsv';

const SERVICES_PER_CHUNK = 500;

/**
 * One evaluation as CSV for a spreadsheet, one row per service × applicable
 * control after a header row, produced a page of services at a time so a
 * large fleet never sits in memory as one text.
 */
export async function* exportCsv(options: {
  evaluations: EvaluationStore;
  evidence: EvidenceStore;
  evaluationId: string;
}): AsyncGenerator<string> {
  const { evaluationId } = options;
  const proofs = await options.evidence.proofsByEntity(evaluationId);
  yield csvLine(exportColumns);
  for await (const page of options.evaluations.servicePages({
    evaluationId,
    pageSize: SERVICES_PER_CHUNK,
  })) {
    let text = '';
    for (const service of page) {
      for (const row of serviceExportRows(
        service,
        proofs.get(service.entityRef),
      )) {
        text += csvLine(exportColumns.map(column => row[column]));
      }
    }
    yield text;
  }
}
