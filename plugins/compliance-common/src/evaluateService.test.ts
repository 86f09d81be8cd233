import {
  NOW,
  clusterObjects,
  databaseRecord,
  entity,
  shippedControls,
} from './__fixtures__/build';
import type { EvaluationInput } from './EvaluationInput';
import type { Exemption } from './Exemption';
import { evaluateService } from './evaluateService';

const compliantCluster = clusterObjects(
  'prod-east',
  'deployment-compliant.yaml',
  'serviceaccount-compliant.yaml',
  'service-clusterip.yaml',
  'ingress-tls.yaml',
  'networkpolicy-compliant.yaml',
  'pdb-compliant.yaml',
);

function compliantInput(parts: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    entity: entity('entity-compliant.yaml', {
      ownerExists: true,
      ownerKind: 'Group',
    }),
    ...compliantCluster,
    platformRecords: { databases: [databaseRecord()] },
    now: NOW,
    ...parts,
  };
}

const loadBalancerExemption: Exemption = {
  id: 'ex-42',
  entityRef: 'component:default/fhir-gateway',
  controlId: 'CP-TX-04',
  justification:
    'HL7 MLLP feed from the hospital network needs a TCP load balancer',
  requestedBy: 'user:default/amara.okafor',
  requestedAt: '2026-10-01T12:00:00Z',
  expiresAt: '2027-01-01T00:00:00Z',
  state: 'approved',
  decidedBy: 'user:default/compliance.officer',
  decidedAt: '2026-10-03T09:00:00Z',
};

const withLoadBalancer = compliantInput({
  services: [
    ...compliantCluster.services,
    ...clusterObjects('prod-east', 'service-loadbalancer.yaml').services,
  ],
});

describe('evaluateService', () => {
  it('passes every service control for a compliant PHI production service', () => {
    const evaluation = evaluateService(compliantInput(), shippedControls);
    expect(evaluation).toMatchObject({
      entityRef: 'component:default/fhir-gateway',
      controlsVersion: '2026.11.0',
      evaluatedAt: '2026-11-24T09:00:00.000Z',
      score: 1,
      counts: { pass: 21, fail: 0, exempt: 0, 'not-applicable': 0 },
      violations: [],
    });
  });

  it('leaves platform controls to evaluatePlatform', () => {
    const evaluation = evaluateService(compliantInput(), shippedControls);
    expect(evaluation.results.map(r => r.controlId)).not.toContain('CP-PLT-01');
  });

  it('skips controls whose appliesTo excludes the service', () => {
    const evaluation = evaluateService(
      compliantInput({ entity: entity('entity-internal-experimental.yaml') }),
      shippedControls,
    );
    const ids = evaluation.results.map(r => r.controlId);
    expect(
      ids.filter(id => ['CP-AUD-01', 'CP-CON-03', 'CP-CON-04'].includes(id)),
    ).toEqual([]);
  });

  it('treats an undeclared classification as PHI', () => {
    const evaluation = evaluateService(
      compliantInput({ entity: entity('entity-no-classification.yaml') }),
      shippedControls,
    );
    expect(evaluation.results.map(r => r.controlId)).toContain('CP-AUD-01');
  });

  it('never passes a control whose inputs are absent', () => {
    const evaluation = evaluateService(
      { entity: entity('entity-compliant.yaml'), now: NOW },
      shippedControls,
    );
    expect(evaluation.counts).toEqual({
      pass: 4,
      fail: 0,
      exempt: 0,
      'not-applicable': 17,
    });
  });

  it('counts failures in the score and lists their violations', () => {
    const evaluation = evaluateService(withLoadBalancer, shippedControls);
    expect(evaluation).toMatchObject({
      score: 20 / 21,
      violations: [{ controlId: 'CP-TX-04', field: 'spec.type' }],
    });
  });

  it('turns a failure covered by an approved exemption into exempt', () => {
    const evaluation = evaluateService(withLoadBalancer, shippedControls, {
      exemptions: [loadBalancerExemption],
    });
    expect(
      evaluation.results.find(r => r.controlId === 'CP-TX-04'),
    ).toMatchObject({
      status: 'exempt',
      exemption: {
        id: 'ex-42',
        expiresAt: '2027-01-01T00:00:00Z',
        decidedBy: 'user:default/compliance.officer',
      },
      violations: [{ controlId: 'CP-TX-04' }],
    });
  });

  it('excludes exempt results from the score and the open violations', () => {
    const evaluation = evaluateService(withLoadBalancer, shippedControls, {
      exemptions: [loadBalancerExemption],
    });
    expect(evaluation).toMatchObject({ score: 1, violations: [] });
  });

  it('stops counting an expired exemption', () => {
    const expired = {
      ...loadBalancerExemption,
      expiresAt: '2026-11-24T08:59:59Z',
    };
    const evaluation = evaluateService(withLoadBalancer, shippedControls, {
      exemptions: [expired],
    });
    expect(evaluation.counts.fail).toBe(1);
  });

  it('ignores exemptions that are not approved', () => {
    const requested = { ...loadBalancerExemption, state: 'requested' as const };
    const evaluation = evaluateService(withLoadBalancer, shippedControls, {
      exemptions: [requested],
    });
    expect(evaluation.counts.exempt).toBe(0);
  });

  it('ignores exemptions granted to another service', () => {
    const elsewhere = {
      ...loadBalancerExemption,
      entityRef: 'component:default/scheduling-api',
    };
    const evaluation = evaluateService(withLoadBalancer, shippedControls, {
      exemptions: [elsewhere],
    });
    expect(evaluation.counts.exempt).toBe(0);
  });
});
