import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  actionExecutePermission,
  taskCreatePermission,
  taskReadPermission,
  templateManagementPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import { fleetReadPermission } from '@carepath/plugin-fleet-common';
import {
  complianceEvaluatePermission,
  complianceEvidenceVerifyPermission,
  complianceExemptionDecidePermission,
  complianceExemptionRequestPermission,
  complianceExportPermission,
  complianceResultsReadPermission,
} from '@carepath/plugin-compliance-common';
import { carePathDecision } from './carePathDecision';
import { CarePathRoles } from './CarePathRoles';
import { OwnedEntities } from './OwnedEntities';

const roles = new CarePathRoles({
  platformTeam: ['group:default/platform-team'],
  complianceOfficers: ['group:default/compliance-officers'],
});

const people = {
  developer: {
    userEntityRef: 'user:default/dana.developer',
    ownershipEntityRefs: [
      'user:default/dana.developer',
      'group:default/clinical-data',
    ],
  },
  platform: {
    userEntityRef: 'user:default/pat.platform',
    ownershipEntityRefs: [
      'user:default/pat.platform',
      'group:default/platform-team',
    ],
  },
  compliance: {
    userEntityRef: 'user:default/carol.compliance',
    ownershipEntityRefs: [
      'user:default/carol.compliance',
      'group:default/compliance-officers',
    ],
  },
};
type Person = keyof typeof people;

/** The clinical-data team owns ehr-sync; nobody asked owns anything else. */
const ownedEntities: OwnedEntities = {
  async ownedBy(refs) {
    return refs.includes('group:default/clinical-data')
      ? ['component:default/ehr-sync']
      : [];
  },
};

function decide(person: Person, permission: Permission) {
  return carePathDecision({
    permission,
    roles: roles.rolesOf(people[person].ownershipEntityRefs),
    ...people[person],
    ownedEntities,
  });
}

type Expected = 'allow' | 'deny' | 'conditional';
function kind(decision: PolicyDecision): Expected {
  if (decision.result === AuthorizeResult.ALLOW) return 'allow';
  if (decision.result === AuthorizeResult.DENY) return 'deny';
  return 'conditional';
}

// One row per line of the role table; columns: developer, platform, compliance.
const matrix: Array<[string, Permission, Expected, Expected, Expected]> = [
  ['read the catalog', catalogEntityReadPermission, 'allow', 'allow', 'allow'],
  ['read fleet health', fleetReadPermission, 'allow', 'allow', 'allow'],
  ['run golden-path templates', taskCreatePermission, 'allow', 'allow', 'deny'],
  [
    'run platform actions',
    actionExecutePermission,
    'conditional',
    'allow',
    'deny',
  ],
  ['manage templates', templateManagementPermission, 'deny', 'allow', 'deny'],
  [
    'unregister entities',
    catalogEntityDeletePermission,
    'conditional',
    'allow',
    'conditional',
  ],
  ['read task logs', taskReadPermission, 'conditional', 'allow', 'allow'],
  [
    'read compliance results',
    complianceResultsReadPermission,
    'conditional',
    'allow',
    'allow',
  ],
  [
    'export compliance reports',
    complianceExportPermission,
    'deny',
    'allow',
    'allow',
  ],
  [
    'verify evidence',
    complianceEvidenceVerifyPermission,
    'deny',
    'allow',
    'allow',
  ],
  [
    'evaluate on demand',
    complianceEvaluatePermission,
    'deny',
    'allow',
    'allow',
  ],
  [
    'request an exemption',
    complianceExemptionRequestPermission,
    'conditional',
    'allow',
    'deny',
  ],
  [
    'decide an exemption',
    complianceExemptionDecidePermission,
    'deny',
    'deny',
    'allow',
  ],
  ['exec into pods', kubernetesProxyPermission, 'deny', 'allow', 'deny'],
];

describe('carePathDecision', () => {
  describe.each(matrix)(
    '%s',
    (_row, permission, developer, platform, compliance) => {
      it.each([
        ['developer', developer],
        ['platform', platform],
        ['compliance', compliance],
      ] as Array<[Person, Expected]>)('%s: %s', async (person, expected) => {
        expect(kind(await decide(person, permission))).toBe(expected);
      });
    },
  );

  it('limits a developer to compliance results of entities they own', async () => {
    const decision = (await decide(
      'developer',
      complianceResultsReadPermission,
    )) as ConditionalPolicyDecision;
    expect(decision.conditions).toEqual({
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'catalog-entity',
      params: { claims: people.developer.ownershipEntityRefs },
    });
  });

  it('keeps Template entities out of reach of anyone but the platform team', async () => {
    const decision = (await decide(
      'developer',
      catalogEntityDeletePermission,
    )) as ConditionalPolicyDecision;
    expect(decision.conditions).toEqual({
      not: {
        rule: 'IS_ENTITY_KIND',
        resourceType: 'catalog-entity',
        params: { kinds: ['template'] },
      },
    });
  });
});
