import type { PodReason } from '@carepath/plugin-fleet-common';
import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(1),
    fontSize: theme.typography.pxToRem(13),
    padding: theme.spacing(0.25, 0),
  },
  code: {
    flexShrink: 0,
    fontFamily: 'monospace',
    fontSize: theme.typography.pxToRem(12),
    fontWeight: 600,
    padding: theme.spacing(0, 0.5),
    borderRadius: 4,
    border: `1px solid ${theme.palette.divider}`,
  },
  degraded: {
    color: theme.palette.error.main,
    borderColor: theme.palette.error.light,
  },
}));

/** Why a pod is not healthy: code (CrashLoopBackOff, OOMKilled, ...) and message. */
export function PodReasonList(props: { reasons: PodReason[] }) {
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label="Reasons">
      {props.reasons.map((reason, index) => (
        <li
          key={`${reason.code}-${reason.container ?? ''}-${index}`}
          className={classes.item}
        >
          <span
            className={`${classes.code} ${
              reason.status === 'Degraded' ? classes.degraded : ''
            }`}
          >
            {reason.code}
          </span>
          <span>{reason.message}</span>
        </li>
      ))}
    </ul>
  );
}
