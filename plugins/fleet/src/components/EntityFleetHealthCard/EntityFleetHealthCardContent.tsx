import { InfoCard } from '@backstage/core-components';
import type { ServiceDetail } from '@carepath/plugin-fleet-common';
import { Box, Typography } from '@material-ui/core';
import { HealthChip } from '../HealthChip/HealthChip';
import { RestartCount } from '../RestartCount/RestartCount';

/** The entity overview card for given data. */
export function EntityFleetHealthCardContent(props: {
  /** Undefined when fleet knows nothing about the entity. */
  detail?: ServiceDetail;
  /** Link to the full "Kubernetes health" tab. */
  tabHref: string;
}) {
  const { detail, tabHref } = props;
  const deepLink = { title: 'View Kubernetes health', link: tabHref };
  if (!detail) {
    return (
      <InfoCard title="Kubernetes health" deepLink={deepLink}>
        <Typography variant="body2">
          No workloads found in any cluster yet. The Kubernetes health tab
          explains which label fleet looks for.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard title="Kubernetes health" deepLink={deepLink}>
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <HealthChip status={detail.health.status} subject="Overall" />
      </Box>
      <Typography variant="body2" paragraph>
        {detail.health.message}
      </Typography>
      <Box display="flex" flexWrap="wrap" gridGap={8} mb={2}>
        {detail.clusters.map(cluster => (
          <HealthChip
            key={cluster.cluster}
            status={cluster.status}
            message={cluster.message}
            subject={cluster.cluster}
            label={cluster.cluster}
          />
        ))}
      </Box>
      <Box display="flex" gridGap={32}>
        <Box>
          <Typography variant="caption" color="textSecondary" component="div">
            Ready
          </Typography>
          <Typography variant="body1">
            {detail.ready}/{detail.desired}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="textSecondary" component="div">
            Restarts
          </Typography>
          <Typography variant="body1" component="div">
            <RestartCount restarts={detail.restarts} />
          </Typography>
        </Box>
      </Box>
    </InfoCard>
  );
}
