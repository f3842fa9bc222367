require('@backstage/cli/config/nodeTransform.cjs');
const { startSimulator } = require('../src/server/startSimulator.ts');
(async () => {
  const n = Number(process.argv[2] || 5);
  const t0 = Date.now();
  const sim = await startSimulator({ scenario: 'scale', port: 0, scaleParams: { clusters: n } });
  const t1 = Date.now();
  global.gc && global.gc();
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`clusters=${n} start=${t1 - t0}ms rss=${rss.toFixed(0)}MiB heap=${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)}MiB`);
  const s = sim.store(sim.clusters[0].name);
  console.log('pods in first cluster', s.list({group:'',version:'v1',resource:'pods'}, undefined).items.length);
  await new Promise(r => setTimeout(r, 2000));
  console.log('after 2s rss', (process.memoryUsage().rss / 2 ** 20).toFixed(0), 'rv', s.currentResourceVersion());
  await sim.stop();
})().catch(e => { console.error(e); process.exit(1); });
