import crypto from 'node:crypto';
import tls from 'node:tls';
import { createSelfSignedCertificate } from './selfSignedCertificate';

describe('createSelfSignedCertificate', () => {
  it('makes a valid self-signed CA certificate for localhost and 127.0.0.1', () => {
    const { cert, key } = createSelfSignedCertificate(['localhost'], ['127.0.0.1']);
    const x509 = new crypto.X509Certificate(cert);
    expect(x509.ca).toBe(true);
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkPrivateKey(crypto.createPrivateKey(key))).toBe(true);
  });

  it('always encodes valid DER (serials with leading zero bytes included)', () => {
    for (let i = 0; i < 100; i++) {
      const m = createSelfSignedCertificate();
      expect(() => tls.createSecureContext({ key: m.key, cert: m.cert })).not.toThrow();
    }
  });
});
