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
import type { ControlResult } from '@carepath/plugin-compliance-common';
import { useState, type FormEvent } from 'react';
import type { ExemptionRequest } from '../../api/ComplianceApi';
import {
  expiresAtOf,
  validateExemptionRequest,
  type ExemptionFormErrors,
} from './validateExemptionRequest';

/** Asks for a time-boxed exemption from one failing control. */
export function RequestExemptionDialog(props: {
  entityRef: string;
  result: ControlResult;
  now: () => Date;
  onClose: () => void;
  onSubmit: (request: ExemptionRequest) => Promise<void>;
}) {
  const { entityRef, result, now, onClose, onSubmit } = props;
  const [justification, setJustification] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<ExemptionFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateExemptionRequest({
      justification,
      expiresOn,
      now: now(),
    });
    setErrors(found);
    if (found.justification || found.expiresOn) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit({
        entityRef,
        controlId: result.controlId,
        justification: justification.trim(),
        expiresAt: expiresAtOf(expiresOn),
      });
    } catch (error) {
      setFailure(error as Error);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>Request an exemption from {result.controlId}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" paragraph>
            {result.title} (HIPAA {result.hipaa.join(', ')}). A compliance
            officer reviews the request; once approved, the failure is shown as
            an accepted risk until the expiry.
          </Typography>
          <TextField
            id="exemption-justification"
            label="Justification"
            required
            multiline
            minRows={3}
            fullWidth
            margin="normal"
            value={justification}
            onChange={e => setJustification(e.target.value)}
            error={Boolean(errors.justification)}
            helperText={
              errors.justification ??
              'Why the risk is acceptable and what compensates for it.'
            }
          />
          <TextField
            id="exemption-expiry"
            label="Expires on (UTC)"
            type="date"
            required
            margin="normal"
            InputLabelProps={{ shrink: true }}
            value={expiresOn}
            onChange={e => setExpiresOn(e.target.value)}
            error={Boolean(errors.expiresOn)}
            helperText={errors.expiresOn ?? 'At most a year from today.'}
          />
          {failure && (
            <Alert severity="error">
              The request was not sent: {failure.message}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={busy}
          >
            Request exemption
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
