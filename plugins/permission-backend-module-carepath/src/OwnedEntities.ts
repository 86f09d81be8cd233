/**
 * Answers which catalog entities a person's groups own, so that a developer's
 * day-2 actions can be limited to their own services.
 *
 * @public
 */
export interface OwnedEntities {
  /** Entity refs (lowercase, `kind:namespace/name`) owned by any of the refs. */
  ownedBy(ownershipEntityRefs: string[]): Promise<string[]>;
}
