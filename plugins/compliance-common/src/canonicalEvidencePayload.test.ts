import type { EvidenceRecord } from './EvidenceRecord';
import { evidenceGenesisHash } from './EvidenceRecord';
import { canonicalEvidencePayload } from './canonicalEvidencePayload';
import { canonicalJson } from './canonicalJson';

const record: EvidenceRecord = {
  seq: 1,
  evaluationId: 'eval-2026-11-24T09:00Z',
  entityRef: 'component:default/fhir-gateway',
  controlId: 'CP-INT-03',
  status: 'fail',
  observed: {
    workload: 'Deployment/fhir-gateway',
    cluster: 'prod-east',
    offending: [
      { image: 'ghcr.io/carepath/fhir-gateway:latest', container: 'api' },
    ],
  },
  controlsVersion: '2026.11.0',
  evaluatedAt: '2026-11-24T09:00:00.000Z',
  prevHash: evidenceGenesisHash,
  hash: 'to-be-computed',
};

describe('canonicalEvidencePayload', () => {
  it('serialises every field but the hash with keys sorted at every depth', () => {
    expect(canonicalEvidencePayload(record)).toBe(
      '{"controlId":"CP-INT-03","controlsVersion":"2026.11.0","entityRef":"component:default/fhir-gateway",' +
        '"evaluatedAt":"2026-11-24T09:00:00.000Z","evaluationId":"eval-2026-11-24T09:00Z",' +
        '"observed":{"cluster":"prod-east","offending":[{"container":"api","image":"ghcr.io/carepath/fhir-gateway:latest"}],"workload":"Deployment/fhir-gateway"},' +
        `"prevHash":"${'0'.repeat(64)}","seq":1,"status":"fail"}`,
    );
  });

  it('does not depend on the order fields were written in', () => {
    const reordered = Object.fromEntries(
      Object.entries(record).reverse(),
    ) as EvidenceRecord;
    expect(canonicalEvidencePayload(reordered)).toBe(
      canonicalEvidencePayload(record),
    );
  });

  it('is the same with or without the hash', () => {
    const { hash: _hash, ...unhashed } = record;
    expect(canonicalEvidencePayload(unhashed)).toBe(
      canonicalEvidencePayload(record),
    );
  });
});

describe('canonicalEvidencePayload from stored text', () => {
  it('is the same text when given the canonical observed JSON', () => {
    const { observed, hash: _hash, ...rest } = record;
    expect(
      canonicalEvidencePayload(rest, {
        observedJson: canonicalJson(observed),
      }),
    ).toBe(canonicalEvidencePayload(record));
  });
});
