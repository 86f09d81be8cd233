import type { RestartCounts } from '@carepath/plugin-fleet-common';
import { Tooltip, makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  recent: {
    marginLeft: theme.spacing(0.75),
    padding: theme.spacing(0, 0.5),
    borderRadius: 4,
    fontSize: theme.typography.pxToRem(11.5),
    fontWeight: 500,
    whiteSpace: 'nowrap',
    color: theme.palette.getContrastText(theme.palette.warning.main),
    backgroundColor: theme.palette.warning.main,
  },
}));

/** Total restarts, with recent ones highlighted. */
export function RestartCount(props: { restarts: RestartCounts }) {
  const { total, recent } = props.restarts;
  const classes = useStyles();
  return (
    <>
      {total}
      {recent > 0 && (
        <Tooltip
          title={`${recent} container(s) restarted in the last 10 minutes`}
        >
          <span className={classes.recent}>{recent} new</span>
        </Tooltip>
      )}
    </>
  );
}
