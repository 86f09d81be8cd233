import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import type { Exemption } from '@carepath/plugin-compliance-common';

/** Approve or reject one exemption; the comment is required and goes to the audit trail. */
export function DecisionDialog(props: {
  exemption: Exemption;
  decision: 'approve' | 'reject';
  onClose: () => void;
  onDecide: (comment: string) => Promise<void>;
}) {
  const { exemption, decision, onClose, onDecide } = props;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const verb = decision === 'approve' ? 'Approve' : 'Reject';
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onDecide(comment.trim());
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {verb} exemption for {exemption.controlId}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          {exemption.entityRef}, requested by {exemption.requestedBy}:{' '}
          {exemption.justification}
        </Typography>
        <TextField
          id="exemption-decision-comment"
          label="Comment"
          helperText="Recorded in the audit trail with your decision."
          required
          multiline
          minRows={3}
          fullWidth
          value={comment}
          onChange={e => setComment(e.target.value)}
        />
        {error && <Alert severity="error">{error.message}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy || comment.trim() === ''}
          onClick={submit}
        >
          {verb}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
