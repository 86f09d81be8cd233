import type { DatabaseRecord, EvaluationInput } from '../EvaluationInput';
import type { Observed } from '../Observed';
import type { EvaluatorOutcome, Finding } from './Evaluator';

/**
 * Runs a check over the service's databases (optionally only some
 * classifications). No platform records or no such database → `not-applicable`.
 */
export function judgeDatabases(options: {
  input: EvaluationInput;
  classifications?: string[];
  check: (database: DatabaseRecord) => {
    observed: Observed;
    finding?: Finding;
  };
}): EvaluatorOutcome {
  const { input, classifications, check } = options;
  if (!input.platformRecords) {
    return {
      status: 'not-applicable',
      observed: { reason: 'no platform records for this service' },
    };
  }
  const databases = input.platformRecords.databases.filter(
    d => !classifications || classifications.includes(d.classification),
  );
  if (databases.length === 0) {
    return {
      status: 'not-applicable',
      observed: {
        reason: classifications
          ? `no ${classifications.join('/')} databases provisioned`
          : 'no databases provisioned',
      },
    };
  }
  const results = databases.map(d => ({ database: d.name, ...check(d) }));
  const observed = {
    databases: results.map(r => ({ database: r.database, ...r.observed })),
  };
  const findings = results.flatMap(r => (r.finding ? [r.finding] : []));
  return findings.length === 0
    ? { status: 'pass', observed }
    : { status: 'fail', observed, findings };
}
