import type {
  ClusterState,
  ServiceDetail,
} from '@carepath/plugin-fleet-common';
import { Box, Typography } from '@material-ui/core';
import type { LiveUpdateMode } from '../../hooks/useFleetLiveUpdates';
import { ClusterBanners } from '../ClusterBanners/ClusterBanners';
import { HealthChip } from '../HealthChip/HealthChip';
import { LastUpdated } from '../LastUpdated/LastUpdated';
import { ClusterHealthSection } from './ClusterHealthSection';
import { NoWorkloadsPanel } from './NoWorkloadsPanel';

export interface EntityKubernetesHealthContentProps {
  /** Undefined when fleet knows nothing about the entity. */
  detail?: ServiceDetail;
  clusters: ClusterState[];
  entityName: string;
  kubernetesId?: string;
  labelSelector?: string;
  now: Date;
  updatedAt?: Date;
  mode: LiveUpdateMode;
  refreshing?: boolean;
}

/** A service's Kubernetes health across clusters, for given data. */
export function EntityKubernetesHealthContent(
  props: EntityKubernetesHealthContentProps,
) {
  const { detail, clusters, now } = props;
  const help = (
    <NoWorkloadsPanel
      entityName={props.entityName}
      kubernetesId={props.kubernetesId}
      labelSelector={props.labelSelector}
    />
  );
  if (!detail) return help;

  const names = new Set(detail.clusters.map(c => c.cluster));
  const noWorkloads = detail.clusters.every(c => c.workloadCount === 0);
  // A live cluster where the service has no workload and no warning is one
  // it is not deployed to: named in one line rather than shown as a section.
  const notDeployed = detail.clusters.filter(
    c =>
      c.workloadCount === 0 &&
      c.events.length === 0 &&
      c.clusterState === 'synced',
  );
  const sections = detail.clusters.filter(c => !notDeployed.includes(c));
  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        justifyContent="space-between"
        gridGap={8}
        mb={2}
      >
        <Box display="flex" alignItems="center" gridGap={12}>
          <HealthChip status={detail.health.status} subject="Overall" />
          <Typography variant="body1">{detail.health.message}</Typography>
        </Box>
        <Box display="flex" alignItems="center" gridGap={16}>
          <Typography variant="body2" color="textSecondary">
            {detail.ready}/{detail.desired} ready · {detail.restarts.total}{' '}
            restarts ({detail.restarts.recent} recent)
          </Typography>
          <LastUpdated
            updatedAt={props.updatedAt}
            now={now}
            mode={props.mode}
            refreshing={props.refreshing}
          />
        </Box>
      </Box>
      <ClusterBanners
        clusters={clusters.filter(c => names.has(c.name))}
        now={now}
      />
      {noWorkloads && <Box mb={2}>{help}</Box>}
      {notDeployed.length > 0 && !noWorkloads && (
        <Typography variant="body2" color="textSecondary" paragraph>
          Not deployed in {notDeployed.map(c => c.cluster).join(', ')}.
        </Typography>
      )}
      {sections.map(cluster => (
        <ClusterHealthSection
          key={cluster.cluster}
          cluster={cluster}
          now={now}
        />
      ))}
    </>
  );
}
