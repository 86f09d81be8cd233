import { createExtensionTester } from '@backstage/frontend-test-utils';
import compliancePlugin from './index';
import { isComplianceSubject } from './isComplianceSubject';
import { compliancePage } from './plugin';

describe('compliance plugin', () => {
  it('provides the API, page, sub-pages, entity tab and card', () => {
    expect(compliancePlugin.id).toBe('compliance');
    const ids = [
      'api:compliance',
      'page:compliance',
      'sub-page:compliance/overview',
      'sub-page:compliance/exemptions',
      'sub-page:compliance/audit-trail',
      'sub-page:compliance/evidence',
      'entity-content:compliance/compliance',
      'entity-card:compliance/compliance',
    ];
    for (const id of ids) {
      expect(compliancePlugin.getExtension(id as never)).toBeDefined();
    }
  });

  it('mounts the page at /compliance with a title and icon for the nav', () => {
    const tester = createExtensionTester(compliancePage);
    expect(tester.snapshot().outputs).toEqual(
      expect.arrayContaining(['core.routing.path', 'core.title', 'core.icon']),
    );
  });

  it('shows the tab and card for components only', () => {
    const entity = (kind: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'lab-results' },
    });
    expect(isComplianceSubject(entity('Component'))).toBe(true);
    expect(isComplianceSubject(entity('Group'))).toBe(false);
  });
});
