import { EmptyState } from '@backstage/core-components';
import { AnnotationHelp } from '../AnnotationHelp/AnnotationHelp';

/** No catalog entity is linked to Kubernetes workloads yet. */
export function FleetEmptyState() {
  return (
    <EmptyState
      missing="field"
      title="No services report Kubernetes health yet"
      description="Fleet shows catalog entities whose workloads it can find in the clusters. None of them has a Kubernetes annotation yet."
      action={<AnnotationHelp />}
    />
  );
}
