import { InfoCard } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import type { EntityComplianceResults } from '../../api/ComplianceApi';
import { formatScore, formatTime } from '../../lib/format';
import { StatusChip } from '../StatusChip/StatusChip';

const severityRank = { critical: 0, high: 1, medium: 2, low: 3 };

/** The compact compliance card for given results. */
export function EntityComplianceCardContent(props: {
  /** Undefined when the service has not been evaluated yet. */
  results?: EntityComplianceResults;
  /** Link to the full "Compliance" tab. */
  tabHref: string;
}) {
  const { results, tabHref } = props;
  const deepLink = { title: 'View compliance', link: tabHref };
  if (!results) {
    return (
      <InfoCard title="Compliance" deepLink={deepLink}>
        <Typography variant="body2">
          Not evaluated yet: results appear after the next scheduled run.
        </Typography>
      </InfoCard>
    );
  }
  const failing = results.results
    .filter(r => r.status === 'fail')
    .sort(
      (a, b) =>
        severityRank[a.severity] - severityRank[b.severity] ||
        a.controlId.localeCompare(b.controlId),
    );
  return (
    <InfoCard title="Compliance" deepLink={deepLink}>
      <Typography variant="h3" component="p">
        {formatScore(results.score)}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        of applicable controls passing, evaluated{' '}
        {formatTime(results.evaluation.evaluatedAt)}
      </Typography>
      <Box display="flex" gridGap={8} flexWrap="wrap" mb={2}>
        <StatusChip status="pass" label={`${results.passed} pass`} />
        <StatusChip status="fail" label={`${results.failed} fail`} />
        <StatusChip status="exempt" label={`${results.exempt} exempt`} />
      </Box>
      {failing.length === 0 ? (
        <Typography variant="body2">No control is failing.</Typography>
      ) : (
        <>
          <Typography variant="overline">Top failing controls</Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {failing.slice(0, 3).map(r => (
              <li key={r.controlId}>
                <Typography variant="body2">
                  {r.controlId} {r.title} ({r.severity})
                </Typography>
              </li>
            ))}
          </ul>
          {failing.length > 3 && (
            <Typography variant="caption">
              and {failing.length - 3} more
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
}
