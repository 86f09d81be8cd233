/**
 * CarePath's permission policy: developers, the platform team and compliance
 * officers, by catalog group membership.
 *
 * @packageDocumentation
 */
export { permissionModuleCarepath as default } from './module';
export { CarePathPermissionPolicy } from './CarePathPermissionPolicy';
export { CarePathRoles } from './CarePathRoles';
export type { CarePathRole } from './CarePathRoles';
export { CatalogOwnedEntities } from './CatalogOwnedEntities';
export type { OwnedEntities } from './OwnedEntities';
export { carePathDecision, DAY_TWO_ACTION_IDS } from './carePathDecision';
