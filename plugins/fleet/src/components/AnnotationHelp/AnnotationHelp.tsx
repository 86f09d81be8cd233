import { CodeSnippet } from '@backstage/core-components';
import {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_ID_LABEL,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
} from '@carepath/plugin-fleet-common';
import { Box, Typography } from '@material-ui/core';

/** The catalog annotation and workload label that link a service to its workloads. */
export function AnnotationHelp(props: {
  /** The Kubernetes id to show in the example. */
  id?: string;
  /** The entity's label selector, when it uses one instead of an id. */
  selector?: string;
}) {
  const { id = 'patient-portal-api', selector } = props;
  if (selector) {
    return (
      <Box>
        <Typography variant="body2" paragraph>
          This entity selects its workloads with the{' '}
          <code>{KUBERNETES_LABEL_SELECTOR_ANNOTATION}</code> annotation{' '}
          <code>{selector}</code>. Fleet found no Deployment, StatefulSet,
          DaemonSet, CronJob, Job or Pod with matching labels in any cluster.
          Check the labels on the workloads' metadata (not only the pod
          template).
        </Typography>
      </Box>
    );
  }
  return (
    <Box>
      <Typography variant="body2" paragraph>
        Fleet links a catalog entity to its workloads with the{' '}
        <code>{KUBERNETES_ID_ANNOTATION}</code> annotation. Add it to the
        entity's <code>catalog-info.yaml</code>:
      </Typography>
      <CodeSnippet
        language="yaml"
        text={`metadata:\n  annotations:\n    ${KUBERNETES_ID_ANNOTATION}: ${id}`}
      />
      <Typography variant="body2" paragraph style={{ marginTop: 16 }}>
        and put the same value in the <code>{KUBERNETES_ID_LABEL}</code> label
        of the workloads (Deployment, StatefulSet, CronJob, ...) in every
        cluster:
      </Typography>
      <CodeSnippet
        language="yaml"
        text={`metadata:\n  labels:\n    ${KUBERNETES_ID_LABEL}: ${id}`}
      />
      <Typography variant="body2" style={{ marginTop: 16 }}>
        Workloads that already share another label can be selected with{' '}
        <code>{KUBERNETES_LABEL_SELECTOR_ANNOTATION}</code> instead, for example{' '}
        <code>app.kubernetes.io/name={id}</code>.
      </Typography>
    </Box>
  );
}
