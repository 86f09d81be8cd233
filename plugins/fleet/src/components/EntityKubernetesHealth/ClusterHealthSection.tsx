import type { ServiceClusterDetail } from '@carepath/plugin-fleet-common';
import { Box, Paper, Typography, makeStyles } from '@material-ui/core';
import { HealthChip } from '../HealthChip/HealthChip';
import { EventTable } from './EventTable';
import { PodTable } from './PodTable';
import { WorkloadTable } from './WorkloadTable';

const stateLabels: Record<ServiceClusterDetail['clusterState'], string> = {
  synced: 'Live',
  syncing: 'Syncing',
  stale: 'Data stale',
  unreachable: 'Unreachable',
};

const useStyles = makeStyles(theme => ({
  section: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
  },
  state: {
    fontSize: theme.typography.pxToRem(12),
    color: theme.palette.text.secondary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 4,
    padding: theme.spacing(0, 0.75),
  },
  subheading: { marginTop: theme.spacing(2), marginBottom: theme.spacing(0.5) },
}));

/** A service in one cluster: its health, workloads, pods and warning events. */
export function ClusterHealthSection(props: {
  cluster: ServiceClusterDetail;
  now: Date;
}) {
  const { cluster, now } = props;
  const classes = useStyles();
  const headingId = `cluster-${cluster.cluster}`;
  return (
    <Paper
      component="section"
      variant="outlined"
      className={classes.section}
      aria-labelledby={headingId}
    >
      <Box className={classes.heading}>
        <Typography variant="h5" component="h2" id={headingId}>
          {cluster.cluster}
        </Typography>
        <HealthChip status={cluster.status} subject={cluster.cluster} />
        <span className={classes.state}>
          Connection: {stateLabels[cluster.clusterState]}
        </span>
        <Typography variant="body2" color="textSecondary">
          {cluster.ready}/{cluster.desired} ready · {cluster.restarts.total}{' '}
          restarts
        </Typography>
      </Box>
      <Typography variant="body2" style={{ marginTop: 8 }}>
        {cluster.message}
      </Typography>

      {cluster.workloads.length > 0 && (
        <>
          <Typography
            variant="h6"
            component="h3"
            className={classes.subheading}
          >
            Workloads
          </Typography>
          <WorkloadTable workloads={cluster.workloads} now={now} />
        </>
      )}
      {cluster.pods.length > 0 && (
        <>
          <Typography
            variant="h6"
            component="h3"
            className={classes.subheading}
          >
            Pods
          </Typography>
          <PodTable pods={cluster.pods} now={now} />
        </>
      )}
      <Typography variant="h6" component="h3" className={classes.subheading}>
        Recent warning events
      </Typography>
      {cluster.events.length > 0 ? (
        <EventTable events={cluster.events} now={now} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          No warning events.
        </Typography>
      )}
    </Paper>
  );
}
