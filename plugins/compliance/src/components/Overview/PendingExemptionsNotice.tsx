import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Box } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useExemptions } from '../../hooks/useExemptions';
import { exemptionsRouteRef } from '../../routes';

/** How many exemption requests wait for a decision, linking to the queue. */
export function PendingExemptionsNotice() {
  const pending = useExemptions('requested');
  const queue = useRouteRef(exemptionsRouteRef);
  const count = pending.value?.length ?? 0;
  if (count === 0) return null;
  const text =
    count === 1
      ? '1 exemption request is waiting for a decision.'
      : `${count} exemption requests are waiting for a decision.`;
  return (
    <Box mb={2}>
      <Alert severity="info">
        {text} {queue && <Link to={queue()}>Open the exemptions queue</Link>}
      </Alert>
    </Box>
  );
}
