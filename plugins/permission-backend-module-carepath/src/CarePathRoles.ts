import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * A CarePath role. A person may hold more than one; every role they hold
 * contributes what it allows.
 *
 * @public
 */
export type CarePathRole = 'developer' | 'platform' | 'compliance';

/**
 * Which groups hold the platform and compliance-officer roles.
 *
 * @public
 */
export class CarePathRoles {
  static fromConfig(config: Config): CarePathRoles {
    const read = (key: string, fallback: string) =>
      (
        config.getOptionalStringArray(`carepath.roles.${key}`) ?? [fallback]
      ).map((ref, index) => {
        try {
          return stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind: 'group',
              defaultNamespace: 'default',
            }),
          );
        } catch (error) {
          throw new Error(
            `carepath.roles.${key}[${index}] is not an entity ref ("${ref}"): ${error}`,
          );
        }
      });
    return new CarePathRoles({
      platformTeam: read('platformTeam', 'group:default/platform-team'),
      complianceOfficers: read(
        'complianceOfficers',
        'group:default/compliance-officers',
      ),
    });
  }

  private readonly platformTeam: Set<string>;
  private readonly complianceOfficers: Set<string>;

  constructor(options: {
    platformTeam: string[];
    complianceOfficers: string[];
  }) {
    this.platformTeam = new Set(options.platformTeam.map(r => r.toLowerCase()));
    this.complianceOfficers = new Set(
      options.complianceOfficers.map(r => r.toLowerCase()),
    );
  }

  /** The roles a signed-in person holds, from their ownership entity refs. */
  rolesOf(ownershipEntityRefs: string[]): Set<CarePathRole> {
    const refs = ownershipEntityRefs.map(r => r.toLowerCase());
    const roles = new Set<CarePathRole>();
    if (refs.some(r => this.platformTeam.has(r))) roles.add('platform');
    if (refs.some(r => this.complianceOfficers.has(r))) roles.add('compliance');
    if (roles.size === 0) roles.add('developer');
    return roles;
  }
}
