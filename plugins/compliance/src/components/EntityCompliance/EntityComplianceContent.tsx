import type {
  Control,
  ControlResult,
  Exemption,
} from '@carepath/plugin-compliance-common';
import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { EntityComplianceResults } from '../../api/ComplianceApi';
import { formatDate, formatScore, formatTime } from '../../lib/format';
import { statusOrder } from '../StatusChip/controlStatus';
import { ControlResultItem } from './ControlResultItem';
import { PartialSourcesAlerts } from '../ComplianceErrorPanel/PartialSourcesAlerts';

/** The entity "Compliance" tab for given results. */
export function EntityComplianceContent(props: {
  /** Undefined when the service has not been evaluated yet. */
  results?: EntityComplianceResults;
  controls: Record<string, Control>;
  pending: Exemption[];
  /** Side requests that failed: the controls (for fixes) or pending exemptions. */
  warnings?: string[];
  canRequest: boolean;
  onRequest: (result: ControlResult) => void;
}) {
  const { results, controls, pending, canRequest, onRequest } = props;
  const warnings = (props.warnings ?? []).map(warning => (
    <Alert severity="warning" key={warning}>
      {warning}
    </Alert>
  ));
  if (!results) {
    return (
      <Typography variant="body1">
        This service has not been evaluated yet. Every catalog service is
        evaluated on a schedule (every 15 minutes by default); results appear
        here after the next run.
      </Typography>
    );
  }
  const ordered = [...results.results].sort(
    (a, b) =>
      statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
      a.controlId.localeCompare(b.controlId),
  );
  const notApplicable =
    results.results.length - results.passed - results.failed - results.exempt;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box>
        <Typography variant="h4" component="p">
          {formatScore(results.score)} of applicable controls passing
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {results.passed} pass · {results.failed} fail · {results.exempt}{' '}
          exempt · {notApplicable} not applicable. Evaluated{' '}
          {formatTime(results.evaluation.evaluatedAt)} against controls version{' '}
          {results.evaluation.controlsVersion}.
        </Typography>
      </Box>
      {warnings}
      {results.evaluation.unavailableSources.map(source => (
        <Alert severity="warning" key={source.source}>
          {source.source} was unavailable: live workload controls are
          not-applicable in this evaluation ({source.reason}).
        </Alert>
      ))}
      <PartialSourcesAlerts evaluation={results.evaluation} />
      {pending.length > 0 && (
        <Alert severity="info">
          Pending exemption requests:{' '}
          {pending
            .map(
              e =>
                `${e.controlId} until ${formatDate(
                  e.expiresAt,
                )} (requested by ${e.requestedBy})`,
            )
            .join('; ')}
          . A compliance officer will review them.
        </Alert>
      )}
      {ordered.map(result => (
        <ControlResultItem
          key={result.controlId}
          result={result}
          control={controls[result.controlId]}
          requested={pending.some(e => e.controlId === result.controlId)}
          canRequest={canRequest}
          onRequest={onRequest}
        />
      ))}
    </Box>
  );
}
