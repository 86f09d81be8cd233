import { startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  type CatalogProcessor,
} from '@backstage/plugin-catalog-node';
import { catalogModuleCarepathAnnotations } from './catalogModuleCarepathAnnotations';

describe('catalogModuleCarepathAnnotations', () => {
  it('registers the annotations processor with the catalog', async () => {
    const processors: CatalogProcessor[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addProcessor: (
              ...added: Array<CatalogProcessor | CatalogProcessor[]>
            ) => processors.push(...added.flat()),
          },
        ],
      ],
      features: [catalogModuleCarepathAnnotations],
    });
    expect(processors.map(p => p.getProcessorName())).toEqual([
      'CarepathAnnotationsProcessor',
    ]);
  });
});
