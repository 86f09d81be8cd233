import { Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import { useFleetLiveUpdates } from '../../hooks/useFleetLiveUpdates';
import { useServiceHealth } from '../../hooks/useServiceHealth';
import { kubernetesHealthRouteRef } from '../../routes';
import { isAboutService } from '../EntityKubernetesHealth/isAboutService';
import { FleetErrorPanel } from '../FleetErrorPanel/FleetErrorPanel';
import { EntityFleetHealthCardContent } from './EntityFleetHealthCardContent';

/** Compact Kubernetes health for an entity's overview page. */
export function EntityFleetHealthCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const health = useServiceHealth(entityRef);
  const { retry } = health;
  useFleetLiveUpdates(retry, {
    filter: message => isAboutService(message, entityRef),
  });
  const tabRoute = useRouteRef(kubernetesHealthRouteRef);
  const entityLink = useEntityRefLink();
  const tabHref = tabRoute?.() ?? `${entityLink(entity)}/kubernetes-health`;

  if (health.loading && !health.value) return <Progress />;
  if (health.error && !health.value) {
    return <FleetErrorPanel error={health.error} onRetry={retry} />;
  }
  return (
    <EntityFleetHealthCardContent detail={health.value} tabHref={tabHref} />
  );
}
