require('@backstage/cli/config/nodeTransform.cjs');
const { startSimulator } = require('../src/server/startSimulator.ts');
(async () => {
  const sim = await startSimulator({ scenario: 'scale', port: 0, scaleParams: { clusters: 1 } });
  const s = sim.store(sim.clusters[0].name);
  const pods = s.list({group:'',version:'v1',resource:'pods'}, undefined).items;
  const p = pods[100];
  console.log(JSON.stringify(p).length, 'bytes; managedFields', JSON.stringify(p.metadata.managedFields).length);
  console.log(JSON.stringify(p, null, 1).slice(0, 3000));
  const counts = {};
  for (const t of s.types()) { const n = s.list({group:t.group,version:t.version,resource:t.resource}, undefined, {readOnly:true}).items.length; if (n) counts[t.resource]=n; }
  console.log(counts);
  await sim.stop();
})();
