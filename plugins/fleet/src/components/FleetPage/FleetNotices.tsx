import { WarningPanel } from '@backstage/core-components';
import { Box } from '@material-ui/core';
import { formatAgo } from '../../lib/time';

/**
 * Quiet notices for partial failures: the page keeps showing the last good
 * data and says how old it is.
 */
export function FleetNotices(props: {
  refreshError?: Error;
  clustersError?: Error;
  updatedAt?: Date;
  now: Date;
}) {
  const { refreshError, clustersError, updatedAt, now } = props;
  return (
    <>
      {clustersError && (
        <Box mb={2}>
          <WarningPanel
            severity="info"
            title="Cluster connection states are unavailable"
            message={clustersError.message}
          />
        </Box>
      )}
      {refreshError && (
        <Box mb={2}>
          <WarningPanel
            title={`Could not refresh; showing data from ${
              updatedAt ? formatAgo(updatedAt, now) : 'earlier'
            }`}
            message={refreshError.message}
          />
        </Box>
      )}
    </>
  );
}
