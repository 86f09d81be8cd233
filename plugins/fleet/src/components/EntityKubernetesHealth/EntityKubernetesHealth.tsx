import { Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
} from '@carepath/plugin-fleet-common';
import { useFleetClusters } from '../../hooks/useFleetClusters';
import { useFleetLiveUpdates } from '../../hooks/useFleetLiveUpdates';
import { useNow } from '../../hooks/useNow';
import { useServiceHealth } from '../../hooks/useServiceHealth';
import { useUpdatedAt } from '../../hooks/useUpdatedAt';
import { FleetErrorPanel } from '../FleetErrorPanel/FleetErrorPanel';
import { EntityKubernetesHealthContent } from './EntityKubernetesHealthContent';
import { isAboutService } from './isAboutService';

/** The "Kubernetes health" tab of an entity page. */
export function EntityKubernetesHealth() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const health = useServiceHealth(entityRef);
  const clusters = useFleetClusters();
  const { retry: retryHealth } = health;
  const { retry: retryClusters } = clusters;
  const mode = useFleetLiveUpdates(
    () => {
      retryHealth();
      retryClusters();
    },
    { filter: message => isAboutService(message, entityRef) },
  );
  const now = useNow();
  const updatedAt = useUpdatedAt(health);

  if (health.loading && !updatedAt) return <Progress />;
  if (health.error && !updatedAt) {
    return <FleetErrorPanel error={health.error} onRetry={retryHealth} />;
  }
  const annotations = entity.metadata.annotations ?? {};
  return (
    <EntityKubernetesHealthContent
      detail={health.value}
      clusters={clusters.value ?? []}
      entityName={entity.metadata.name}
      kubernetesId={annotations[KUBERNETES_ID_ANNOTATION]}
      labelSelector={annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION]}
      now={now}
      updatedAt={updatedAt}
      mode={mode}
      refreshing={health.loading}
    />
  );
}
