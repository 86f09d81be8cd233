import type { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Who owns a catalog entity, as far as the catalog knows. */
export type EntityOwnership =
  | { inCatalog: false }
  | { inCatalog: true; owner?: string };

/** Looks up the owners of catalog entities. */
export interface EntityOwners {
  ownerOf(entityRef: string): Promise<EntityOwnership>;
}

/**
 * {@link EntityOwners} from the catalog, asked with this plugin's own
 * credentials; `spec.owner` is resolved to a full entity ref the way the
 * catalog resolves it (kind group, the entity's namespace).
 */
export class CatalogEntityOwners implements EntityOwners {
  constructor(
    private readonly options: { catalog: CatalogService; auth: AuthService },
  ) {}

  async ownerOf(entityRef: string): Promise<EntityOwnership> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (!entity) return { inCatalog: false };
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string' || !owner) return { inCatalog: true };
    return {
      inCatalog: true,
      owner: stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    };
  }
}
