import {
  ConditionalPolicyDecision,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { actionExecutePermission } from '@backstage/plugin-scaffolder-common/alpha';
import { JsonObject } from '@backstage/types';
import { carePathDecision } from './carePathDecision';
import { CarePathRoles } from './CarePathRoles';

type ActionRun = { action: string; input: JsonObject };
type Criteria = PermissionCriteria<PermissionCondition<'scaffolder-action'>>;

/**
 * Evaluates criteria with the semantics of the scaffolder's own rules
 * (HAS_ACTION_ID: the action id matches; HAS_STRING_PROPERTY: the input
 * holds a string at the key, equal to the value when one is given).
 */
function holds(criteria: Criteria, run: ActionRun): boolean {
  if ('anyOf' in criteria) return criteria.anyOf.some(c => holds(c, run));
  if ('allOf' in criteria) return criteria.allOf.every(c => holds(c, run));
  if ('not' in criteria) return !holds(criteria.not, run);
  const params = criteria.params as {
    actionId?: string;
    key?: string;
    value?: string;
  };
  switch (criteria.rule) {
    case 'HAS_ACTION_ID':
      return run.action === params.actionId;
    case 'HAS_STRING_PROPERTY': {
      const found = run.input[params.key ?? ''];
      return (
        typeof found === 'string' &&
        (params.value === undefined || found === params.value)
      );
    }
    default:
      throw new Error(`no such scaffolder rule: ${criteria.rule}`);
  }
}

async function developerMay(run: ActionRun) {
  const ownershipEntityRefs = [
    'user:default/dana.developer',
    'group:default/clinical-data',
  ];
  const decision = (await carePathDecision({
    permission: actionExecutePermission,
    roles: new CarePathRoles({
      platformTeam: [],
      complianceOfficers: [],
    }).rolesOf(ownershipEntityRefs),
    userEntityRef: 'user:default/dana.developer',
    ownershipEntityRefs,
    ownedEntities: { ownedBy: async () => ['component:default/ehr-sync'] },
  })) as ConditionalPolicyDecision;
  return holds(decision.conditions as Criteria, run);
}

describe('a developer running platform actions', () => {
  it.each([
    [
      'golden-path steps',
      { action: 'fetch:template', input: { url: './skeleton' } },
    ],
    [
      'the compliance check',
      { action: 'carepath:compliance:check', input: {} },
    ],
    [
      'a day-2 action on their own service',
      {
        action: 'carepath:database:rotate-credentials',
        input: { entityRef: 'component:default/ehr-sync' },
      },
    ],
    [
      "a new service's database, owned by their group",
      {
        action: 'carepath:database:provision',
        input: { name: 'fhir_records', owner: 'group:default/clinical-data' },
      },
    ],
  ])('may run %s', async (_what, run) => {
    expect(await developerMay(run)).toBe(true);
  });

  it.each([
    [
      "a day-2 action on another group's service",
      {
        action: 'carepath:database:decommission',
        input: { entityRef: 'component:default/claims-adjudication' },
      },
    ],
    [
      'a day-2 action naming no service',
      { action: 'carepath:kubernetes:scale', input: {} },
    ],
    [
      'a database for another group',
      {
        action: 'carepath:database:provision',
        input: { name: 'claims', owner: 'group:default/revenue-cycle' },
      },
    ],
  ])('may not run %s', async (_what, run) => {
    expect(await developerMay(run)).toBe(false);
  });
});
