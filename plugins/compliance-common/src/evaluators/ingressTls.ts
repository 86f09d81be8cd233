import type { Evaluator, Finding } from './Evaluator';
import { noParams, type NoParams } from './noParams';
import { fileOf } from './describeWorkload';
import { complianceAnnotations } from '../complianceAnnotations';
import type { IngressObservation } from '../KubernetesObservations';

function covers(tlsHost: string, host: string): boolean {
  if (tlsHost === host) {
    return true;
  }
  if (tlsHost.startsWith('*.')) {
    const suffix = tlsHost.slice(1);
    return (
      host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.')
    );
  }
  return false;
}

function ingressFindings(ingress: IngressObservation): Finding[] {
  const label = `Ingress/${ingress.name}`;
  const file = fileOf(ingress.source);
  if (ingress.tls.length === 0) {
    return [
      {
        file,
        field: 'spec.tls',
        message: `${label} serves ${
          ingress.hosts.filter(Boolean).join(', ') || 'traffic'
        } without TLS`,
        remediation: `Add spec.tls with a certificate secret covering every host of ${label}`,
      },
    ];
  }
  const tlsHosts = ingress.tls.flatMap(t => t.hosts);
  return ingress.hosts.flatMap((host, index) => {
    if (host && tlsHosts.some(t => covers(t, host))) {
      return [];
    }
    return [
      {
        file,
        field: `spec.rules[${index}].host`,
        message: host
          ? `${label} host ${host} is not covered by spec.tls`
          : `${label} rule ${index} has no host, so TLS cannot cover it`,
        remediation: host
          ? `Add ${host} to spec.tls[].hosts of ${label}`
          : `Give spec.rules[${index}] a host and list it in spec.tls[].hosts`,
      },
    ];
  });
}

/**
 * Exposed services (an Ingress exists, or the entity is annotated
 * `carepath.io/exposed: "true"`) are reached only through Ingresses whose
 * `spec.tls` covers every rule host.
 *
 * @public
 */
export const ingressTls: Evaluator<NoParams> = {
  name: 'ingressTls',
  description:
    'Every Ingress of an exposed service terminates TLS for all its hosts',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) => {
    const ingresses = input.ingresses ?? [];
    const declaredExposed =
      input.entity?.metadata.annotations[complianceAnnotations.exposed] ===
      'true';
    if (ingresses.length === 0) {
      if (!declaredExposed) {
        return {
          status: 'not-applicable',
          observed: {
            reason:
              'not exposed: no Ingress observed and entity not annotated exposed',
          },
        };
      }
      if (!input.workloads?.length) {
        return {
          status: 'not-applicable',
          observed: {
            reason:
              'declared exposed, but no workloads or Ingresses observed yet',
          },
        };
      }
      return {
        status: 'fail',
        observed: { declaredExposed: true, ingresses: [] },
        findings: [
          {
            file: input.entity?.file,
            field: `metadata.annotations['${complianceAnnotations.exposed}']`,
            message:
              'Service is declared exposed but no Ingress with TLS was observed',
            remediation:
              'Expose the service through an Ingress with spec.tls covering its hosts, or remove the exposed annotation',
          },
        ],
      };
    }
    const findings = ingresses.flatMap(ingressFindings);
    const observed = {
      declaredExposed,
      ingresses: ingresses.map(i => ({
        ingress: `Ingress/${i.name}`,
        hosts: i.hosts,
        tlsHosts: i.tls.flatMap(t => t.hosts),
      })),
    };
    return findings.length === 0
      ? { status: 'pass', observed }
      : { status: 'fail', observed, findings };
  },
};
