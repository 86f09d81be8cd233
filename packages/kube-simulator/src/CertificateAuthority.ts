import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import forge from 'node-forge';

/** A PEM key and certificate pair. */
export interface KeyAndCertificate {
  keyPem: string;
  certPem: string;
}

interface KeyPair {
  publicKey: forge.pki.rsa.PublicKey;
  keyPem: string;
}

function newKeys(): KeyPair {
  // Native key generation; forge's pure-JS RSA generation takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    keyPem: privateKey,
  };
}

/**
 * Signs with node:crypto: forge builds the certificate, but its pure-JS RSA
 * signing is slow (seconds inside test sandboxes).
 */
function signCertificate(
  cert: forge.pki.Certificate,
  signerKeyPem: string,
): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption;
  cert.siginfo.algorithmOid = oid;
  cert.signatureOid = oid;
  // getTBSCertificate exists in forge but is missing from its typings.
  const { getTBSCertificate } = forge.pki as unknown as {
    getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
  };
  const tbs = forge.asn1.toDer(getTBSCertificate(cert)).getBytes();
  cert.signature = sign(
    'sha256',
    Buffer.from(tbs, 'binary'),
    signerKeyPem,
  ).toString('binary');
}

function serial(): string {
  // Positive serial number: clear the top bit.
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

/**
 * A certificate authority generated at start-up, which signs the serving
 * certificate of every simulated cluster. Kubeconfigs carry its
 * certificate as `certificate-authority-data`.
 */
export class CertificateAuthority {
  private constructor(
    private readonly keyPem: string,
    private readonly cert: forge.pki.Certificate,
    readonly certPem: string,
  ) {}

  static create(options: { commonName?: string } = {}): CertificateAuthority {
    const keys = newKeys();
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = serial();
    cert.validity.notBefore = new Date(Date.now() - 60_000);
    cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
    const subject = [
      { name: 'commonName', value: options.commonName ?? 'kube-simulator-ca' },
    ];
    cert.setSubject(subject);
    cert.setIssuer(subject);
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true },
      {
        name: 'keyUsage',
        keyCertSign: true,
        cRLSign: true,
        digitalSignature: true,
        critical: true,
      },
      { name: 'subjectKeyIdentifier' },
    ]);
    signCertificate(cert, keys.keyPem);
    return new CertificateAuthority(
      keys.keyPem,
      cert,
      forge.pki.certificateToPem(cert),
    );
  }

  /** The CA certificate, base64 encoded as kubeconfigs want it. */
  get certData(): string {
    return Buffer.from(this.certPem).toString('base64');
  }

  /** Issues a serving certificate for the given DNS names and IPs. */
  issueServerCertificate(options: {
    dnsNames: string[];
    ips: string[];
  }): KeyAndCertificate {
    const keys = newKeys();
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = serial();
    cert.validity.notBefore = new Date(Date.now() - 60_000);
    cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
    cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }]);
    cert.setIssuer(this.cert.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      {
        name: 'keyUsage',
        digitalSignature: true,
        keyEncipherment: true,
        critical: true,
      },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...options.dnsNames.map(value => ({ type: 2, value })),
          ...options.ips.map(ip => ({ type: 7, ip })),
        ],
      },
    ]);
    signCertificate(cert, this.keyPem);
    return { keyPem: keys.keyPem, certPem: forge.pki.certificateToPem(cert) };
  }
}
