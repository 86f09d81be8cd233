import type { HealthStatus } from '@carepath/plugin-fleet-common';
import { Tooltip, makeStyles, type Theme } from '@material-ui/core';
import { alpha } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import PauseCircleOutline from '@material-ui/icons/PauseCircleOutline';
import Autorenew from '@material-ui/icons/Autorenew';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import { useState, type ComponentType } from 'react';

type StatusColour = 'ok' | 'running' | 'aborted' | 'warning' | 'error';

/** Backstage status colour and icon per fleet health status. */
const appearance: Record<
  HealthStatus,
  { colour: StatusColour; Icon: ComponentType<{ className?: string }> }
> = {
  Healthy: { colour: 'ok', Icon: CheckCircleOutline },
  Progressing: { colour: 'running', Icon: Autorenew },
  Suspended: { colour: 'aborted', Icon: PauseCircleOutline },
  Missing: { colour: 'warning', Icon: ReportProblemOutlined },
  Degraded: { colour: 'error', Icon: ErrorOutline },
  Unknown: { colour: 'aborted', Icon: HelpOutline },
};

const fallback: Record<StatusColour, string> = {
  ok: '#1DB954',
  running: '#1F5493',
  aborted: '#757575',
  warning: '#FF9800',
  error: '#E22134',
};

function colourOf(theme: Theme, colour: StatusColour): string {
  return theme.palette.status?.[colour] ?? fallback[colour];
}

function tint(theme: Theme, colour: StatusColour) {
  const main = colourOf(theme, colour);
  return {
    borderColor: alpha(main, 0.6),
    backgroundColor: alpha(main, 0.1),
    '& svg': { color: main },
  };
}

const useStyles = makeStyles(theme => ({
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.25, 1, 0.25, 0.75),
    borderRadius: 12,
    border: '1px solid',
    fontSize: theme.typography.pxToRem(12.5),
    fontWeight: theme.typography.fontWeightMedium as number,
    lineHeight: 1.4,
    whiteSpace: 'nowrap',
    maxWidth: '100%',
    boxSizing: 'border-box',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: theme.palette.text.primary,
    background: 'transparent',
    cursor: 'default',
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  interactive: { cursor: 'pointer' },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  icon: { fontSize: theme.typography.pxToRem(15), flexShrink: 0 },
  ok: tint(theme, 'ok'),
  running: tint(theme, 'running'),
  aborted: tint(theme, 'aborted'),
  warning: tint(theme, 'warning'),
  error: tint(theme, 'error'),
}));

export interface HealthChipProps {
  status: HealthStatus;
  /** Shown on hover, focus and click. */
  message?: string;
  /** Names what the status is about for screen readers, e.g. the cluster. */
  subject?: string;
  /** Visible text instead of the status name; the status is still announced. */
  label?: string;
}

/** A fleet health status as a small chip: icon, colour and text. */
export function HealthChip(props: HealthChipProps) {
  const { status, message, subject, label } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const { colour, Icon } = appearance[status];
  const text = label ?? status;
  const accessibleName = `${subject ? `${subject}: ` : ''}${status}`;
  const chip = (
    <span
      className={`${classes.chip} ${classes[colour]} ${
        message ? classes.interactive : ''
      }`}
      role={message ? 'button' : undefined}
      tabIndex={message ? 0 : undefined}
      aria-label={message ? accessibleName : undefined}
      data-status={status}
      onClick={message ? () => setOpen(o => !o) : undefined}
      onKeyDown={
        message
          ? e => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                setOpen(o => !o);
              }
            }
          : undefined
      }
    >
      <Icon className={classes.icon} aria-hidden="true" />
      {!message && (subject || label) ? (
        <>
          <span className={classes.visuallyHidden}>{accessibleName}</span>
          <span aria-hidden="true">{text}</span>
        </>
      ) : (
        text
      )}
    </span>
  );
  if (!message) return chip;
  return (
    <Tooltip
      title={message}
      arrow
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      {chip}
    </Tooltip>
  );
}
