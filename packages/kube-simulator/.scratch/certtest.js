require('@backstage/cli/config/nodeTransform.cjs');
const { createSelfSignedCertificate } = require('/work/main/packages/kube-simulator/src/server/selfSignedCertificate.ts');
const crypto = require('crypto');
const m = createSelfSignedCertificate(['localhost'], ['127.0.0.1']);
require('fs').writeFileSync('/tmp/c.pem', m.cert);
const x = new crypto.X509Certificate(m.cert);
console.log(x.subject, x.subjectAltName, x.ca, x.verify(x.publicKey), x.validTo);
