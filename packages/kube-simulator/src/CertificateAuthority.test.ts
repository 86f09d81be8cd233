import { X509Certificate } from 'node:crypto';
import { CertificateAuthority } from './CertificateAuthority';

describe('CertificateAuthority', () => {
  it('issues a serving certificate signed by the CA with the SANs clients check', () => {
    const ca = CertificateAuthority.create({ commonName: 'test-ca' });
    const issued = ca.issueServerCertificate({
      dnsNames: ['localhost'],
      ips: ['127.0.0.1'],
    });
    const caCert = new X509Certificate(ca.certPem);
    const serverCert = new X509Certificate(issued.certPem);
    expect(caCert.ca).toBe(true);
    expect(caCert.verify(caCert.publicKey)).toBe(true);
    expect(serverCert.checkIssued(caCert)).toBe(true);
    expect(serverCert.verify(caCert.publicKey)).toBe(true);
    expect(serverCert.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1',
    );
    expect(Buffer.from(ca.certData, 'base64').toString()).toBe(ca.certPem);
    expect(issued.keyPem).toContain('BEGIN RSA PRIVATE KEY');
  });
});
