require('@backstage/cli/config/nodeTransform.cjs');
const { createSelfSignedCertificate } = require('../src/server/selfSignedCertificate.ts');
const tls = require('tls');
for (let i = 0; i < 500; i++) { const m = createSelfSignedCertificate(); tls.createSecureContext({ key: m.key, cert: m.cert }); }
console.log('ok');
