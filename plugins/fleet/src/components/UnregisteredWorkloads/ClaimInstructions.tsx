import { CodeSnippet } from '@backstage/core-components';
import {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_ID_LABEL,
  type UnregisteredWorkload,
} from '@carepath/plugin-fleet-common';
import { Box, Typography } from '@material-ui/core';

/** How to claim one workload: label it, then annotate the catalog entity. */
export function ClaimInstructions(props: { workload: UnregisteredWorkload }) {
  const { cluster, kind, namespace, name } = props.workload;
  return (
    <Box py={1}>
      <Typography variant="body2" gutterBottom>
        1. Label the {kind} (and every copy of it in other clusters):
      </Typography>
      <CodeSnippet
        language="bash"
        text={`kubectl --context ${cluster} -n ${namespace} label ${kind.toLowerCase()}/${name} ${KUBERNETES_ID_LABEL}=${name}`}
      />
      <Typography variant="body2" gutterBottom style={{ marginTop: 12 }}>
        2. Annotate the service's entity in its <code>catalog-info.yaml</code>:
      </Typography>
      <CodeSnippet
        language="yaml"
        text={`metadata:\n  annotations:\n    ${KUBERNETES_ID_ANNOTATION}: ${name}`}
      />
      <Typography variant="caption" color="textSecondary">
        Better still, set the label in the manifests or Helm chart that deploy
        the workload, so the next deployment keeps it.
      </Typography>
    </Box>
  );
}
