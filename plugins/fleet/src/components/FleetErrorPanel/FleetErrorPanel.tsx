import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { fleetReadPermission } from '@carepath/plugin-fleet-common';
import { Box, Button } from '@material-ui/core';

/** A failed fleet request, with a way to try again. */
export function FleetErrorPanel(props: { error: Error; onRetry: () => void }) {
  const { error, onRetry } = props;
  if (error instanceof ResponseError && error.statusCode === 403) {
    return (
      <WarningPanel
        title="You do not have access to fleet health"
        message={`Reading fleet health needs the ${fleetReadPermission.name} permission. Ask your platform team to grant it.`}
      />
    );
  }
  return (
    <>
      <ResponseErrorPanel error={error} title="Could not load fleet health" />
      <Box mt={2}>
        <Button variant="outlined" color="primary" onClick={onRetry}>
          Retry
        </Button>
      </Box>
    </>
  );
}
