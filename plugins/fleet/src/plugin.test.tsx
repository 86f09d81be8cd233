import { createExtensionTester } from '@backstage/frontend-test-utils';
import fleetPlugin from './index';
import { hasKubernetesAnnotation } from './hasKubernetesAnnotation';
import { fleetPage } from './plugin';

describe('fleet plugin', () => {
  it('provides the API, page, sub-pages, entity tab and card', () => {
    expect(fleetPlugin.id).toBe('fleet');
    const ids = [
      'api:fleet',
      'page:fleet',
      'sub-page:fleet/services',
      'sub-page:fleet/unregistered',
      'entity-content:fleet/kubernetes-health',
      'entity-card:fleet/kubernetes-health',
    ];
    for (const id of ids) {
      expect(fleetPlugin.getExtension(id as never)).toBeDefined();
    }
  });

  it('mounts the page at /fleet with a title and icon for the nav', () => {
    const tester = createExtensionTester(fleetPage);
    expect(tester.snapshot().outputs).toEqual(
      expect.arrayContaining(['core.routing.path', 'core.title', 'core.icon']),
    );
  });

  it('shows the tab and card only for entities with a Kubernetes annotation', () => {
    const entity = (annotations: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'lab-results', annotations },
    });
    expect(
      hasKubernetesAnnotation(
        entity({ 'backstage.io/kubernetes-id': 'lab-results' }),
      ),
    ).toBe(true);
    expect(
      hasKubernetesAnnotation(
        entity({ 'backstage.io/kubernetes-label-selector': 'app=lab-results' }),
      ),
    ).toBe(true);
    expect(hasKubernetesAnnotation(entity({}))).toBe(false);
  });
});
