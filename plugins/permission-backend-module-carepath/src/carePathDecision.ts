import {
  AuthorizeResult,
  isPermission,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  createScaffolderActionConditionalDecision,
  createScaffolderTaskConditionalDecision,
  scaffolderActionConditions,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import {
  complianceEvaluatePermission,
  complianceEvidenceVerifyPermission,
  complianceExemptionDecidePermission,
  complianceExemptionRequestPermission,
  complianceExportPermission,
  complianceResultsReadPermission,
} from '@carepath/plugin-compliance-common';
import { CarePathRole } from './CarePathRoles';
import { OwnedEntities } from './OwnedEntities';

/**
 * Platform actions that act on an existing service. A developer may run them
 * only on services their group owns; the action's `entityRef` input decides.
 *
 * @public
 */
export const DAY_TWO_ACTION_IDS = [
  'carepath:database:provision',
  'carepath:database:rotate-credentials',
  'carepath:database:backup',
  'carepath:database:restore',
  'carepath:database:decommission',
  'carepath:kubernetes:scale',
  'carepath:catalog:lifecycle',
] as const;

const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
const deny: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * CarePath's decision for one permission request.
 *
 * The table it implements is in the package README; every row is asserted by
 * the permission matrix test.
 *
 * @public
 */
export async function carePathDecision(options: {
  permission: Permission;
  roles: Set<CarePathRole>;
  userEntityRef: string;
  ownershipEntityRefs: string[];
  ownedEntities: OwnedEntities;
}): Promise<PolicyDecision> {
  const { permission, roles, userEntityRef, ownershipEntityRefs } = options;
  const platform = roles.has('platform');
  const compliance = roles.has('compliance');
  const developer = roles.has('developer');
  const ownsEntity = catalogConditions.isEntityOwner({
    claims: ownershipEntityRefs,
  });

  // Compliance: officers and the platform see everything; developers their own.
  if (isPermission(permission, complianceResultsReadPermission)) {
    if (platform || compliance) return allow;
    return createCatalogConditionalDecision(permission, ownsEntity);
  }
  if (
    isPermission(permission, complianceExportPermission) ||
    isPermission(permission, complianceEvidenceVerifyPermission) ||
    isPermission(permission, complianceEvaluatePermission)
  ) {
    return platform || compliance ? allow : deny;
  }
  if (isPermission(permission, complianceExemptionRequestPermission)) {
    if (platform) return allow;
    if (developer)
      return createCatalogConditionalDecision(permission, ownsEntity);
    return deny;
  }
  if (isPermission(permission, complianceExemptionDecidePermission)) {
    return compliance ? allow : deny;
  }

  // Scaffolder: compliance officers review; they never run templates or actions.
  if (
    isPermission(permission, taskCreatePermission) ||
    isPermission(permission, templateDryRunPermission)
  ) {
    return platform || developer ? allow : deny;
  }
  if (isPermission(permission, actionExecutePermission)) {
    if (platform) return allow;
    if (!developer) return deny;
    const owned = await options.ownedEntities.ownedBy(ownershipEntityRefs);
    return createScaffolderActionConditionalDecision(
      permission,
      developerActionCriteria({ owned, ownershipEntityRefs }),
    );
  }
  if (isPermission(permission, taskReadPermission)) {
    if (platform || compliance) return allow;
    return createScaffolderTaskConditionalDecision(
      permission,
      scaffolderTaskConditions.isTaskOwner({ createdBy: [userEntityRef] }),
    );
  }
  if (isPermission(permission, taskCancelPermission)) {
    if (platform) return allow;
    if (!developer) return deny;
    return createScaffolderTaskConditionalDecision(
      permission,
      scaffolderTaskConditions.isTaskOwner({ createdBy: [userEntityRef] }),
    );
  }
  if (isPermission(permission, templateManagementPermission)) {
    return platform ? allow : deny;
  }

  // Template entities belong to the platform team.
  if (
    isPermission(permission, catalogEntityDeletePermission) ||
    isPermission(permission, catalogEntityRefreshPermission)
  ) {
    if (platform) return allow;
    return createCatalogConditionalDecision(permission, {
      not: catalogConditions.isEntityKind({ kinds: ['template'] }),
    });
  }

  // Shell access into pods through the upstream kubernetes proxy is a platform tool.
  if (isPermission(permission, kubernetesProxyPermission)) {
    return platform ? allow : deny;
  }

  // Reading the catalog and fleet health, and everything else upstream, is
  // open to everyone signed in.
  return allow;
}

type ActionCriteria = PermissionCriteria<
  PermissionCondition<'scaffolder-action'>
>;

/** Permission criteria lists must not be empty; these never are by construction. */
function nonEmpty<T>(items: T[]): [T, ...T[]] {
  if (items.length === 0) {
    throw new Error('a permission criteria list must not be empty');
  }
  return items as [T, ...T[]];
}

function developerActionCriteria(options: {
  owned: string[];
  ownershipEntityRefs: string[];
}): ActionCriteria {
  const { hasActionId, hasStringProperty } = scaffolderActionConditions;
  const criteria: ActionCriteria[] = [
    // Anything that is not a day-2 action: the golden path's own steps.
    {
      allOf: nonEmpty<ActionCriteria>(
        DAY_TWO_ACTION_IDS.map(actionId => ({
          not: hasActionId({ actionId }),
        })),
      ),
    },
    // Any day-2 action on a service the person's groups own.
    ...options.owned.map(ref =>
      hasStringProperty({ key: 'entityRef', value: ref }),
    ),
  ];
  // A golden path provisions the database of a service that is not in the
  // catalog yet: allowed when the new service's owner is one of the person's
  // own groups. The action checks that an existing entity's owner agrees.
  const groups = options.ownershipEntityRefs.filter(r =>
    r.toLowerCase().startsWith('group:'),
  );
  if (groups.length > 0) {
    criteria.push({
      allOf: [
        hasActionId({ actionId: 'carepath:database:provision' }),
        {
          anyOf: nonEmpty<ActionCriteria>(
            groups.map(group =>
              hasStringProperty({ key: 'owner', value: group }),
            ),
          ),
        },
      ],
    });
  }
  return { anyOf: nonEmpty(criteria) };
}
