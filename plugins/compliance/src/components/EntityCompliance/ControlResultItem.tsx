import type {
  Control,
  ControlResult,
} from '@carepath/plugin-compliance-common';
import { Box, Button, Link, Paper, Typography } from '@material-ui/core';
import { formatDate, formatTime } from '../../lib/format';
import { StatusChip } from '../StatusChip/StatusChip';
import { ObservedList } from './ObservedList';

/** One control's outcome for a service: status, evidence, and how to fix it. */
export function ControlResultItem(props: {
  result: ControlResult;
  control?: Control;
  /** An exemption request for this control is waiting for a decision. */
  requested?: boolean;
  canRequest: boolean;
  onRequest: (result: ControlResult) => void;
}) {
  const { result, control, requested, canRequest, onRequest } = props;
  const open = result.status === 'fail' || result.status === 'exempt';
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={`${result.controlId} ${result.title}`}
    >
      <Box p={2}>
        <Box display="flex" alignItems="center" gridGap={12} flexWrap="wrap">
          <StatusChip
            status={result.status}
            label={
              result.status === 'exempt' && result.exemption
                ? `Exempt until ${formatDate(result.exemption.expiresAt)}`
                : undefined
            }
          />
          <Typography variant="subtitle1" component="h3">
            {result.controlId} {result.title}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            HIPAA {result.hipaa.join(', ')} · {result.severity} severity ·
            evidence {formatTime(result.evaluatedAt)}
          </Typography>
          {requested && (
            <Box ml="auto">
              <Typography variant="body2">Exemption requested</Typography>
            </Box>
          )}
          {canRequest && !requested && result.status === 'fail' && (
            <Box ml="auto">
              <Button
                size="small"
                variant="outlined"
                onClick={() => onRequest(result)}
              >
                Request exemption
              </Button>
            </Box>
          )}
        </Box>
        {result.exemption && (
          <Typography variant="body2">
            Accepted risk: {result.exemption.justification}
            {result.exemption.decidedBy
              ? ` (approved by ${result.exemption.decidedBy})`
              : ''}
          </Typography>
        )}
        <Box mt={1}>
          <Typography variant="overline">Observed</Typography>
          <ObservedList observed={result.observed} />
        </Box>
        {open && result.violations.length > 0 && (
          <Box mt={1}>
            <Typography variant="overline">Findings and fixes</Typography>
            <ul style={{ margin: 0 }}>
              {result.violations.map((v, index) => (
                <li key={index}>
                  <Typography variant="body2">{v.message}</Typography>
                  <Typography variant="body2" color="textSecondary">
                    Fix: {v.remediation}
                    {v.field ? ` (field ${v.field})` : ''}
                  </Typography>
                </li>
              ))}
            </ul>
          </Box>
        )}
        {open && control && (
          <Typography variant="body2">
            How to fix: {control.remediation}{' '}
            <Link href={control.link} target="_blank" rel="noopener">
              Read more about {control.id}
            </Link>
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
