import { InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { AnnotationHelp } from '../AnnotationHelp/AnnotationHelp';

/** Fleet found no workloads for the entity: say what it looks for. */
export function NoWorkloadsPanel(props: {
  kubernetesId?: string;
  labelSelector?: string;
  entityName: string;
}) {
  const { kubernetesId, labelSelector, entityName } = props;
  return (
    <InfoCard title="No workloads found for this service yet">
      {kubernetesId && !labelSelector && (
        <Typography variant="body2" paragraph>
          Fleet looks for workloads labelled{' '}
          <code>backstage.io/kubernetes-id={kubernetesId}</code> in every
          cluster and found none. If the service is deployed, check that the
          label is on the Deployment, StatefulSet, DaemonSet or CronJob itself.
        </Typography>
      )}
      <AnnotationHelp
        id={kubernetesId ?? entityName}
        selector={labelSelector}
      />
    </InfoCard>
  );
}
