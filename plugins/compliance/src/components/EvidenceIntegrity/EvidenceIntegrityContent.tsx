import { InfoCard } from '@backstage/core-components';
import { Box, Button, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type {
  ChainVerification,
  EvidenceVerification,
} from '../../api/ComplianceApi';

function ChainResult(props: { name: string; chain: ChainVerification }) {
  const { name, chain } = props;
  if (chain.ok) {
    return (
      <Alert severity="success">
        {name}: intact, {chain.checked} records checked.
      </Alert>
    );
  }
  return (
    <Alert severity="error">
      {name}: broken at record {chain.firstBadSeq ?? 'unknown'} —{' '}
      {chain.problem ?? 'no detail given'} ({chain.checked} records checked).
    </Alert>
  );
}

/** The "verify evidence" panel for a given outcome. */
export function EvidenceIntegrityContent(props: {
  canVerify: boolean;
  verifying: boolean;
  verification?: EvidenceVerification;
  error?: Error;
  onVerify: () => void;
}) {
  const { canVerify, verifying, verification, error, onVerify } = props;
  return (
    <InfoCard title="Evidence integrity">
      <Typography variant="body2" paragraph>
        Every control result and every audit event is stored in an append-only
        chain where each record carries the hash of the one before. Verifying
        recomputes every hash: any edited, removed or reordered record is found.
      </Typography>
      {canVerify ? (
        <Button
          variant="contained"
          color="primary"
          disabled={verifying}
          onClick={onVerify}
        >
          {verifying ? 'Verifying…' : 'Verify evidence'}
        </Button>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Verifying needs the compliance.evidence.verify permission, which
          compliance officers and the platform team hold.
        </Typography>
      )}
      {error && (
        <Box mt={2}>
          <Alert severity="error">Verification failed: {error.message}</Alert>
        </Box>
      )}
      {verification && (
        <Box mt={2} display="flex" flexDirection="column" gridGap={8}>
          <ChainResult name="Evidence" chain={verification.evidence} />
          <ChainResult name="Audit trail" chain={verification.auditTrail} />
        </Box>
      )}
    </InfoCard>
  );
}
