import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { componentEntity } from '../__testUtils__/builders';
import { CarepathAnnotationsProcessor } from './CarepathAnnotationsProcessor';

const location = {
  type: 'url',
  target: 'https://git.example.org/catalog-info.yaml',
};

async function process(annotations: Record<string, string>) {
  const logger = mockServices.logger.mock();
  const processor = new CarepathAnnotationsProcessor({ logger });
  const emitted: CatalogProcessorResult[] = [];
  const entity = componentEntity({ name: 'intake-api', annotations });
  const out = await processor.preProcessEntity(entity, location, r =>
    emitted.push(r),
  );
  return { out, entity, emitted, logger };
}

describe('CarepathAnnotationsProcessor', () => {
  it('accepts the known annotations and values', async () => {
    const { out, entity, emitted, logger } = await process({
      'carepath.io/data-classification': 'internal',
      'carepath.io/template': 'service-node',
    });
    expect(out).toBe(entity);
    expect(emitted).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reports an unknown data classification as an input error naming the allowed values', async () => {
    const { emitted } = await process({
      'carepath.io/data-classification': 'secret',
    });
    expect(emitted).toEqual([
      expect.objectContaining({
        type: 'error',
        location,
        error: expect.objectContaining({
          name: 'InputError',
          message: expect.stringMatching(
            /carepath\.io\/data-classification is "secret"; expected one of phi, pii, internal, public/,
          ),
        }),
      }),
    ]);
  });

  it('warns on an unknown carepath.io annotation', async () => {
    const { emitted, logger } = await process({
      'carepath.io/oncall': 'x@example.org',
    });
    expect(emitted).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('unknown annotation carepath.io/oncall'),
    );
  });
});
