import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { carePathDecision } from './carePathDecision';
import { CarePathRoles } from './CarePathRoles';
import { OwnedEntities } from './OwnedEntities';

/**
 * Developers, the platform team and compliance officers each see and do
 * exactly what they should. Roles come from catalog group membership.
 *
 * @public
 */
export class CarePathPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      roles: CarePathRoles;
      ownedEntities: OwnedEntities;
      userInfo: UserInfoService;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const info = await this.options.userInfo.getUserInfo(user.credentials);
    return carePathDecision({
      permission: request.permission,
      roles: this.options.roles.rolesOf(info.ownershipEntityRefs),
      userEntityRef: info.userEntityRef,
      ownershipEntityRefs: info.ownershipEntityRefs,
      ownedEntities: this.options.ownedEntities,
    });
  }
}
