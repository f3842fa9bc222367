require('@backstage/cli/config/nodeTransform.cjs');
const { InMemoryClusterStore } = require('../src/apiserver/clusterStore.ts');
const { scaleScenario } = require('../src/scenario/scaleScenario.ts');
const { orderForLoading } = require('../src/scenario/buildCluster.ts');
const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed / 2 ** 20; };
const h0 = heap();
const sc = scaleScenario({ clusters: 2 });
const stores = [];
const c0 = process.cpuUsage(); const t0 = Date.now();
for (const c of sc.clusters) {
  const store = new InMemoryClusterStore({ clusterName: c.name });
  for (const obj of orderForLoading(c.objects)) store.operations.upsert(obj, { fieldManager: 'scenario' });
  stores.push(store);
}
const t1 = Date.now(); const c1 = process.cpuUsage(c0);
const h1 = heap();
console.log(`cpu ${((c1.user + c1.system) / 1000).toFixed(0)}ms load ${t1 - t0}ms for ${sc.clusters.length} clusters; heap per cluster ${((h1 - h0) / sc.clusters.length).toFixed(1)} MiB`);
// drop managedFields to measure their share
let mf = 0;
for (const s of stores) for (const t of s.types()) { if (!t.verbs.includes('list')) continue; for (const o of s.list(t, undefined, { readOnly: true }).items) mf += JSON.stringify(o.metadata.managedFields || []).length; }
console.log('managedFields JSON MiB per cluster', (mf / 2 ** 20 / stores.length).toFixed(1));
