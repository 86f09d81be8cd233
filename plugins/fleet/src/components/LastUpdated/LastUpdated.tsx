import { Typography, makeStyles } from '@material-ui/core';
import FiberManualRecord from '@material-ui/icons/FiberManualRecord';
import type { LiveUpdateMode } from '../../hooks/useFleetLiveUpdates';
import { formatAgo, formatTimestamp } from '../../lib/time';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.text.secondary,
  },
  live: { fontSize: 10, color: theme.palette.status?.ok ?? '#1DB954' },
  polling: { fontSize: 10, color: theme.palette.text.disabled },
}));

/** A quiet "Live · updated 12 seconds ago" line. */
export function LastUpdated(props: {
  updatedAt?: Date;
  now: Date;
  mode: LiveUpdateMode;
  refreshing?: boolean;
}) {
  const { updatedAt, now, mode, refreshing } = props;
  const classes = useStyles();
  const how = mode === 'live' ? 'Live' : 'Refreshing every 15 seconds';
  let when = '';
  if (refreshing) when = 'updating…';
  else if (updatedAt) when = `updated ${formatAgo(updatedAt, now)}`;
  return (
    <Typography
      variant="caption"
      className={classes.root}
      title={
        updatedAt ? `Last updated ${formatTimestamp(updatedAt)}` : undefined
      }
      aria-live="polite"
    >
      <FiberManualRecord
        className={mode === 'live' ? classes.live : classes.polling}
        aria-hidden="true"
      />
      {how}
      {when && ` · ${when}`}
    </Typography>
  );
}
