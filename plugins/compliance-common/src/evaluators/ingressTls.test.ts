import { entity, judge, manifests } from '../__fixtures__/build';

describe('CP-TX-01 ingressTls', () => {
  it('passes an Ingress whose TLS covers its host', () => {
    expect(judge('CP-TX-01', manifests('ingress-tls.yaml')).status).toBe(
      'pass',
    );
  });

  it('passes a wildcard certificate covering the host', () => {
    expect(
      judge('CP-TX-01', manifests('ingress-wildcard-tls.yaml')).status,
    ).toBe('pass');
  });

  it('fails an Ingress without TLS', () => {
    const result = judge('CP-TX-01', manifests('ingress-no-tls.yaml'));
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'k8s/ingress-no-tls.yaml',
        field: 'spec.tls',
        message:
          'Ingress/fhir-gateway serves fhir.carepath.example without TLS',
      }),
    ]);
  });

  it('fails a host not covered by spec.tls', () => {
    const result = judge('CP-TX-01', manifests('ingress-uncovered-host.yaml'));
    expect(result.violations).toEqual([
      expect.objectContaining({
        field: 'spec.rules[1].host',
        message:
          'Ingress/fhir-gateway host smart.carepath.example is not covered by spec.tls',
      }),
    ]);
  });

  it('fails a service declared exposed with workloads but no Ingress', () => {
    const result = judge('CP-TX-01', {
      entity: entity('entity-exposed.yaml'),
      ...manifests('deployment-compliant.yaml'),
    });
    expect(result.violations[0]).toMatchObject({
      file: 'catalog-info.yaml',
      field: "metadata.annotations['carepath.io/exposed']",
    });
  });

  it('is not applicable to an unexposed service', () => {
    const result = judge('CP-TX-01', {
      entity: entity('entity-compliant.yaml'),
      ...manifests('deployment-compliant.yaml'),
    });
    expect(result.status).toBe('not-applicable');
  });
});
