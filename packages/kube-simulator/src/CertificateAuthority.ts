import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A PEM key and certificate pair. */
export interface KeyAndCertificate {
  keyPem: string;
  certPem: string;
}

function newKeys(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  keyPem: string;
} {
  // Native key generation; forge's pure-JS RSA generation takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    keyPem: privateKey,
  };
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
    private readonly key: forge.pki.rsa.PrivateKey,
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
    cert.sign(keys.privateKey, forge.md.sha256.create());
    return new CertificateAuthority(
      keys.privateKey,
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
    cert.sign(this.key, forge.md.sha256.create());
    return { keyPem: keys.keyPem, certPem: forge.pki.certificateToPem(cert) };
  }
}
