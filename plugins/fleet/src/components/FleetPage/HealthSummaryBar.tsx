import type {
  HealthStatus,
  HealthSummaryCounts,
} from '@carepath/plugin-fleet-common';
import { Box, ButtonBase, Typography, makeStyles } from '@material-ui/core';
import { HealthChip } from '../HealthChip/HealthChip';

/** Worst first, so trouble is read first. */
const order: HealthStatus[] = [
  'Degraded',
  'Unknown',
  'Missing',
  'Progressing',
  'Suspended',
  'Healthy',
];

const useStyles = makeStyles(theme => ({
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    minWidth: 112,
    padding: theme.spacing(1, 1.5),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
    backgroundColor: theme.palette.background.paper,
    '&[aria-pressed="true"]': {
      borderColor: theme.palette.primary.main,
      boxShadow: `inset 0 0 0 1px ${theme.palette.primary.main}`,
    },
  },
  count: {
    fontSize: theme.typography.pxToRem(22),
    fontWeight: 500,
    lineHeight: 1.1,
    fontVariantNumeric: 'tabular-nums',
  },
  zero: { color: theme.palette.text.disabled },
}));

/** Services per health status; each tile toggles that status in the filter. */
export function HealthSummaryBar(props: {
  summary: HealthSummaryCounts;
  selected: HealthStatus[];
  onToggle: (status: HealthStatus) => void;
}) {
  const { summary, selected, onToggle } = props;
  const classes = useStyles();
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={8}
      mb={2}
      role="group"
      aria-label="Services by health"
    >
      <Box className={classes.tile} style={{ cursor: 'default' }}>
        <Typography variant="caption" color="textSecondary">
          All services
        </Typography>
        <span className={classes.count}>{summary.total}</span>
      </Box>
      {order.map(status => (
        <ButtonBase
          key={status}
          className={classes.tile}
          aria-pressed={selected.includes(status)}
          aria-label={`${summary[status]} ${status}`}
          onClick={() => onToggle(status)}
        >
          <HealthChip status={status} />
          <span
            className={`${classes.count} ${
              summary[status] === 0 ? classes.zero : ''
            }`}
          >
            {summary[status]}
          </span>
        </ButtonBase>
      ))}
    </Box>
  );
}
