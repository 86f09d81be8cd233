import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { Box, Button } from '@material-ui/core';

/**
 * A failed compliance request. A 403 says which permission is missing and
 * who holds it, rather than showing a stack trace.
 */
export function ComplianceErrorPanel(props: {
  error: Error;
  /** What the request was for, e.g. "compliance results". */
  subject: string;
  /** The permission the request needs, e.g. `compliance.results.read`. */
  permission: string;
  /** Who holds the permission, e.g. "compliance officers and the platform team". */
  holders: string;
  onRetry?: () => void;
}) {
  const { error, subject, permission, holders, onRetry } = props;
  if (error instanceof ResponseError && error.statusCode === 403) {
    return (
      <WarningPanel
        title={`You do not have access to ${subject}`}
        message={`This needs the ${permission} permission, which ${holders} hold. Ask a compliance officer or the platform team if you need it.`}
      />
    );
  }
  return (
    <>
      <ResponseErrorPanel error={error} title={`Could not load ${subject}`} />
      {onRetry && (
        <Box mt={2}>
          <Button variant="outlined" color="primary" onClick={onRetry}>
            Retry
          </Button>
        </Box>
      )}
    </>
  );
}
