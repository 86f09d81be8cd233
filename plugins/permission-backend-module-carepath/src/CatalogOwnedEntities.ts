import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnedEntities } from './OwnedEntities';

/**
 * {@link OwnedEntities} from the catalog, cached briefly: a scaffolder task
 * asks once per step.
 *
 * @public
 */
export class CatalogOwnedEntities implements OwnedEntities {
  private readonly cache = new Map<string, { at: number; refs: string[] }>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      ttlMs?: number;
      now?: () => number;
    },
  ) {}

  async ownedBy(ownershipEntityRefs: string[]): Promise<string[]> {
    const key = [...ownershipEntityRefs].sort().join(',');
    const now = (this.options.now ?? Date.now)();
    const cached = this.cache.get(key);
    if (cached && now - cached.at < (this.options.ttlMs ?? 30_000)) {
      return cached.refs;
    }
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { 'relations.ownedBy': ownershipEntityRefs },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const refs = items.map(e => stringifyEntityRef(e));
    this.cache.set(key, { at: now, refs });
    return refs;
  }
}
