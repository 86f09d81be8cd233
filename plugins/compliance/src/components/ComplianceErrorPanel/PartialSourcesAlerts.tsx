import { Box } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { EvaluationInfo } from '../../api/ComplianceApi';

/** Says which sources an evaluation read only in part, and what that means. */
export function PartialSourcesAlerts(props: { evaluation: EvaluationInfo }) {
  return (
    <>
      {(props.evaluation.partialSources ?? []).map(partial => (
        <Box mt={2} key={partial.source}>
          <Alert severity="info">
            {partial.source} data was partial in this evaluation (
            {partial.reason}): workload controls judge only what had synced.
          </Alert>
        </Box>
      ))}
    </>
  );
}
