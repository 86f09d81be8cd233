import type { EvaluationStore } from '../evaluation/EvaluationStore';
import type { EvidenceStore } from '../evidence/EvidenceStore';
import { exportColumns } from './exportRows';
import { csvLine } from './toCsv';

const RECORDS_PER_CHUNK = 10_000;

/**
 * One evaluation as CSV for a spreadsheet: a header row, then one row per
 * service × applicable control in evidence (chain) order, built from the
 * evidence records a page at a time, so a large fleet never sits in memory
 * as one text and no service's results need parsing.
 */
export async function* exportCsv(options: {
  evaluations: EvaluationStore;
  evidence: EvidenceStore;
  evaluationId: string;
}): AsyncGenerator<string> {
  const { evaluationId } = options;
  const context = await options.evaluations.exportContext(evaluationId);
  yield csvLine(exportColumns);
  for await (const page of options.evidence.exportPages({
    evaluationId,
    pageSize: RECORDS_PER_CHUNK,
  })) {
    let text = '';
    for (const record of page) {
      const service = context.services.get(record.entity_ref);
      const control = context.controls.get(record.control_id);
      text += csvLine([
        record.entity_ref,
        service?.owner,
        service?.system,
        service?.dataClassification,
        record.control_id,
        control?.title,
        control?.hipaa.join('; '),
        control?.severity,
        record.status,
        record.status === 'exempt'
          ? context.exemptUntil.get(
              `${record.entity_ref}\n${record.control_id}`,
            )
          : '',
        record.observed,
        record.evaluated_at,
        record.controls_version,
        record.hash,
      ]);
    }
    yield text;
  }
}
