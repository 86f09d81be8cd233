import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { createApp } from '../src/app.ts';
import { createAuditLog, type AuditEvent } from '../src/audit.ts';
import { createVerifier } from '../src/auth.ts';
import { createLogger } from '../src/logger.ts';
import { MemoryStore, type ResourceStore } from '../src/store.ts';

export const issuer = 'https://idp.test';
export const audience = 'fhir-service';

export class Lines extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, callback: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }

  get text() {
    return this.lines.join('\n');
  }
}

export interface TestServer {
  url: string;
  auditLines: Lines;
  logLines: Lines;
  audit(): AuditEvent[];
  token(claims?: {
    sub?: string;
    scope?: string;
    aud?: string;
    expiresIn?: string;
  }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(
  store: ResourceStore = new MemoryStore(),
): Promise<TestServer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'ES256' };
  const auditLines = new Lines();
  const logLines = new Lines();
  const server: Server = createServer(
    createApp({
      store,
      verify: createVerifier({
        issuer,
        audience,
        keys: createLocalJWKSet({ keys: [jwk] }),
      }),
      audit: createAuditLog({ stream: auditLines, service: 'fhir-service' }),
      logger: createLogger(logLines),
    }),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    auditLines,
    logLines,
    audit: () => auditLines.lines.map(line => JSON.parse(line) as AuditEvent),
    token: async (claims = {}) =>
      new SignJWT({ scope: claims.scope ?? 'user/*.*' })
        .setProtectedHeader({ alg: 'ES256', kid: 'test' })
        .setSubject(claims.sub ?? 'practitioner-42')
        .setIssuer(issuer)
        .setAudience(claims.aud ?? audience)
        .setIssuedAt()
        .setExpirationTime(claims.expiresIn ?? '5m')
        .sign(privateKey),
    close: async () => {
      server.close();
      await once(server, 'close');
    },
  };
}

export const patient = {
  resourceType: 'Patient',
  identifier: [
    { system: 'urn:oid:2.16.840.1.113883.4.1', value: '999-12-3456' },
  ],
  name: [{ family: 'Rivera', given: ['Alma'] }],
  gender: 'female',
  birthDate: '1961-04-12',
};

export const observation = (patientId: string) => ({
  resourceType: 'Observation',
  status: 'final',
  code: {
    coding: [
      { system: 'http://loinc.org', code: '2345-7', display: 'Glucose' },
    ],
  },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: '2026-03-01T09:30:00Z',
  valueQuantity: {
    value: 6.3,
    unit: 'mmol/L',
    system: 'http://unitsofmeasure.org',
    code: 'mmol/L',
  },
});

export function fhirHeaders(token: string) {
  return {
    authorization: `Bearer ${token}`,
    'content-type': 'application/fhir+json',
  };
}
