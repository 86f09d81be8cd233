import {
  ApiBlueprint,
  PageBlueprint,
  SubPageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import DnsIcon from '@material-ui/icons/Dns';
import { fleetApiRef } from './api/FleetApi';
import { FleetClient } from './api/FleetClient';
import { hasKubernetesAnnotation } from './hasKubernetesAnnotation';
import {
  kubernetesHealthRouteRef,
  rootRouteRef,
  unregisteredRouteRef,
} from './routes';

/** `api:fleet`: the HTTP client for the fleet backend. */
export const fleetApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: fleetApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FleetClient({ discoveryApi, fetchApi }),
    }),
});

/** `page:fleet`: the Fleet page at `/fleet`, with its nav item. */
export const fleetPage = PageBlueprint.make({
  params: {
    path: '/fleet',
    routeRef: rootRouteRef,
    title: 'Fleet',
    icon: <DnsIcon fontSize="inherit" />,
  },
});

/** `sub-page:fleet/services`: every service's health (the default tab). */
export const fleetServicesPage = SubPageBlueprint.make({
  name: 'services',
  params: {
    path: 'services',
    title: 'Services',
    loader: async () => {
      const [{ FleetPage }, { Content }] = await Promise.all([
        import('./components/FleetPage/FleetPage'),
        import('@backstage/core-components'),
      ]);
      return (
        <Content>
          <FleetPage />
        </Content>
      );
    },
  },
});

/** `sub-page:fleet/unregistered`: workloads no catalog entity claims. */
export const fleetUnregisteredPage = SubPageBlueprint.make({
  name: 'unregistered',
  params: {
    path: 'unregistered',
    title: 'Unregistered workloads',
    routeRef: unregisteredRouteRef,
    loader: async () => {
      const [{ UnregisteredWorkloadsPage }, { Content }] = await Promise.all([
        import('./components/UnregisteredWorkloads/UnregisteredWorkloadsPage'),
        import('@backstage/core-components'),
      ]);
      return (
        <Content>
          <UnregisteredWorkloadsPage />
        </Content>
      );
    },
  },
});

/** `entity-content:fleet/kubernetes-health`: the "Kubernetes health" tab. */
export const entityKubernetesHealthContent = EntityContentBlueprint.make({
  name: 'kubernetes-health',
  params: {
    path: 'kubernetes-health',
    title: 'Kubernetes health',
    group: 'deployment',
    routeRef: kubernetesHealthRouteRef,
    filter: hasKubernetesAnnotation,
    loader: () =>
      import('./components/EntityKubernetesHealth/EntityKubernetesHealth').then(
        m => <m.EntityKubernetesHealth />,
      ),
  },
});

/** `entity-card:fleet/kubernetes-health`: the compact overview card. */
export const entityKubernetesHealthCard = EntityCardBlueprint.make({
  name: 'kubernetes-health',
  params: {
    type: 'info',
    filter: hasKubernetesAnnotation,
    loader: () =>
      import('./components/EntityFleetHealthCard/EntityFleetHealthCard').then(
        m => <m.EntityFleetHealthCard />,
      ),
  },
});

/**
 * The fleet frontend plugin: the Fleet page, the unregistered-workloads view,
 * the entity "Kubernetes health" tab and card, and the API client.
 *
 * @public
 */
export const fleetPlugin = createFrontendPlugin({
  pluginId: 'fleet',
  title: 'Fleet',
  icon: <DnsIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    unregistered: unregisteredRouteRef,
    kubernetesHealth: kubernetesHealthRouteRef,
  },
  extensions: [
    fleetApi,
    fleetPage,
    fleetServicesPage,
    fleetUnregisteredPage,
    entityKubernetesHealthContent,
    entityKubernetesHealthCard,
  ],
});
