import { InfoCard } from '@backstage/core-components';
import { Box, Button, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { EvaluationInfo } from '../../api/ComplianceApi';
import { formatScore, formatTime } from '../../lib/format';
import { PartialSourcesAlerts } from '../ComplianceErrorPanel/PartialSourcesAlerts';

/** The overall score, when and against which controls it was judged, and what was missing. */
const triggerLabels = {
  manual: 'on demand',
  schedule: 'scheduled',
  exemption: 'after an exemption decision',
} as const;

export function ScoreCard(props: {
  score: number | null;
  evaluation: EvaluationInfo;
  canEvaluate: boolean;
  evaluating: boolean;
  onEvaluate: () => void;
}) {
  const { score, evaluation, canEvaluate, evaluating, onEvaluate } = props;
  return (
    <InfoCard title="Overall compliance">
      <Box display="flex" alignItems="center" gridGap={24} flexWrap="wrap">
        <Typography
          variant="h2"
          component="p"
          aria-label={`Overall score ${formatScore(score)}`}
        >
          {formatScore(score)}
        </Typography>
        <Box flex={1}>
          <Typography variant="body2">
            of applicable controls passing across the services you can see.
            Exempt and not-applicable results count on neither side.
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Evaluated {formatTime(evaluation.evaluatedAt)} (
            {triggerLabels[evaluation.trigger]}) against controls version{' '}
            {evaluation.controlsVersion}.
          </Typography>
        </Box>
        {canEvaluate && (
          <Button
            variant="outlined"
            color="primary"
            disabled={evaluating}
            onClick={onEvaluate}
          >
            {evaluating ? 'Evaluating…' : 'Evaluate now'}
          </Button>
        )}
      </Box>
      {evaluation.unavailableSources.map(source => (
        <Box mt={2} key={source.source}>
          <Alert severity="warning">
            {source.source} was unavailable: live workload controls are
            not-applicable in this evaluation
            {source.services > 0 ? ` for ${source.services} services` : ''} (
            {source.reason}).
          </Alert>
        </Box>
      ))}
      <PartialSourcesAlerts evaluation={evaluation} />
    </InfoCard>
  );
}
