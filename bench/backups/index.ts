/*
 * bench/backups: backup coverage (kubeyard-common's evaluateCoverage) for 5,000 namespaces ×
 * 20 Schedules, 3 workloads per namespace (KUBEYARD_BENCH_NAMESPACES / _SCHEDULES to change).
 * Ratios against baselines measured in the same run, no timed assertions:
 *  - the naive evaluation: backupCovers for every workload × Schedule, compiling the Schedule's
 *    filter on every call (what a straightforward implementation does);
 *  - the same evaluation on a tenth of the namespaces, scaled ×10 (linear growth reads ~1.0x).
 */
import {
  backupCovers,
  evaluateCoverage,
  resourceOfKind,
  type CoverageInput,
  type CoverageSchedule,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { ms, percentile, report, timeEach } from '../lib/stats';

const NAMESPACES = Number(process.env.KUBEYARD_BENCH_NAMESPACES ?? 5000);
const SCHEDULES = Number(process.env.KUBEYARD_BENCH_SCHEDULES ?? 20);
const RUNS = Number(process.env.KUBEYARD_BENCH_RUNS ?? 7);
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

/** A mix of what clusters run: whole-cluster, per-team globs, explicit lists, label selectors, exclusions. */
function schedule(i: number, namespaces: number): CoverageSchedule {
  const team = `team-${i % 50}`;
  const templates = [
    { includedNamespaces: [`${team}-*`], labelSelector: { matchLabels: { backup: 'true' } } },
    { includedNamespaces: Array.from({ length: 25 }, (_, k) => `team-${(i + k) % 50}-ns-${(k * 7 + i) % namespaces}`) },
    { includedNamespaces: [`${team}-*`], includedResources: ['deployments', 'persistentvolumeclaims', 'pods'] },
    { includedNamespaces: ['*'], excludedNamespaces: ['team-1*', 'team-2*', 'kube-*'], labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['app-0'] }] } },
  ];
  return {
    cluster: 'bench',
    namespace: 'velero',
    name: `schedule-${i}`,
    spec: { schedule: `${i % 60} */6 * * *`, template: templates[i % templates.length] },
    phase: 'Enabled',
  };
}

function input(namespaces: number, schedules: number): CoverageInput {
  const ns = Array.from({ length: namespaces }, (_, i) => ({ cluster: 'bench', name: `team-${i % 50}-ns-${i}`, labels: { team: `team-${i % 50}` } }));
  return {
    schedules: Array.from({ length: schedules }, (_, i) => schedule(i, namespaces)),
    namespaces: ns,
    workloads: ns.flatMap((n, i) =>
      KINDS.map((kind, k) => ({
        cluster: 'bench',
        namespace: n.name,
        kind,
        name: `${kind.toLowerCase()}-${k}`,
        labels: (i + k) % 3 === 0 ? { app: `app-${k}`, backup: 'true' } : { app: `app-${k}` },
      })),
    ),
  };
}

/** The naive baseline: every workload against every Schedule, the filter compiled on each call. */
function naive(data: CoverageInput): number {
  let covered = 0;
  for (const w of data.workloads) {
    const target = { namespace: w.namespace, resource: resourceOfKind(w.kind), labels: w.labels };
    if (data.schedules.some(s => backupCovers(s.spec.template, target))) covered += 1;
  }
  return covered;
}

const median = (values: number[]) => percentile(values, 50);

async function main() {
  console.log(`bench/backups: coverage of ${NAMESPACES} namespaces × ${SCHEDULES} schedules (${NAMESPACES * KINDS.length} workloads), median of ${RUNS} runs`);
  const full = input(NAMESPACES, SCHEDULES);
  const tenth = input(Math.max(1, Math.round(NAMESPACES / 10)), SCHEDULES);

  evaluateCoverage(full); // warm-up: JIT and glob caches
  const evaluated = median(await timeEach(RUNS, async () => evaluateCoverage(full)));
  const small = median(await timeEach(RUNS, async () => evaluateCoverage(tenth)));
  const baseline = median(await timeEach(Math.max(1, Math.ceil(RUNS / 2)), async () => naive(full)));

  const result = evaluateCoverage(full);
  const counts = { covered: 0, partial: 0, uncovered: 0 };
  for (const n of result.namespaces) counts[n.status] += 1;
  report('evaluateCoverage, full size', ms(evaluated));
  report(`evaluateCoverage, ${tenth.namespaces.length} namespaces (×10)`, `${ms(small)} (×10 = ${ms(small * 10)})`);
  report('naive backupCovers per workload × schedule', ms(baseline));
  report('ratio full / naive (lower is better)', `${(evaluated / baseline).toFixed(2)}x`);
  report('ratio full / (tenth × 10) (1.0 = linear)', `${(evaluated / (small * 10)).toFixed(2)}x`);
  report('namespaces covered / partial / uncovered', `${counts.covered} / ${counts.partial} / ${counts.uncovered}`);
  const naiveCovered = naive(full);
  const evaluatedCovered = result.namespaces.reduce((sum, n) => sum + n.workloadCount - n.uncoveredWorkloads.length, 0);
  report('workloads covered (evaluateCoverage vs naive)', `${evaluatedCovered} vs ${naiveCovered}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
