import type { Exemption } from '@carepath/plugin-compliance-common';
import { Box, Typography } from '@material-ui/core';
import { ExemptionsTable } from './ExemptionsTable';

/** Pending requests first, then the most recent decisions. */
export function ExemptionsQueueContent(props: {
  exemptions: Exemption[];
  canDecide: boolean;
  onDecide: (exemption: Exemption, decision: 'approve' | 'reject') => void;
}) {
  const { exemptions, canDecide, onDecide } = props;
  const pending = exemptions
    .filter(e => e.state === 'requested')
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const decided = exemptions
    .filter(e => e.state !== 'requested')
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
    .slice(0, 20);
  return (
    <>
      {!canDecide && (
        <Box mb={2}>
          <Typography variant="body2" color="textSecondary">
            Read-only: approving or rejecting needs the
            compliance.exemption.decide permission, which compliance officers
            hold.
          </Typography>
        </Box>
      )}
      <ExemptionsTable
        title={`Pending requests (${pending.length})`}
        exemptions={pending}
        emptyText="No exemption is waiting for a decision."
        mode="pending"
        onDecide={canDecide ? onDecide : undefined}
      />
      <Box mt={3}>
        <ExemptionsTable
          title="Recent decisions"
          exemptions={decided}
          emptyText="No exemption has been decided yet."
          mode="decided"
        />
      </Box>
    </>
  );
}
