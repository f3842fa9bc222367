import type { CoverageTarget, CoverageVerdict } from './backupFilter';
import {
  CoverageSchedule,
  CoverageWorkload,
  backupCovers,
  evaluateCoverage,
  explainCoverage,
  resourceOfKind,
} from './coverage';
import type { BackupSpec } from './veleroTypes';

const deployment: CoverageTarget = { namespace: 'shop', resource: 'deployments.apps', labels: { app: 'web', backup: 'true' } };

describe('backupCovers / explainCoverage (Velero resource filtering)', () => {
  it.each<[string, BackupSpec, Partial<CoverageTarget>, CoverageVerdict]>([
    ['empty includedNamespaces include every namespace', {}, {}, 'covered'],
    ['includedNamespaces ["*"] includes every namespace', { includedNamespaces: ['*'] }, {}, 'covered'],
    ['a namespace missing from includedNamespaces is not backed up', { includedNamespaces: ['billing'] }, {}, 'namespace-excluded'],
    ['excludedNamespaces takes precedence over includedNamespaces ["*"]', { includedNamespaces: ['*'], excludedNamespaces: ['shop'] }, {}, 'namespace-excluded'],
    ['excludedNamespaces takes precedence over an explicit include', { includedNamespaces: ['shop'], excludedNamespaces: ['shop'] }, {}, 'namespace-excluded'],
    ['excludedNamespaces alone exclude only what they name', { excludedNamespaces: ['kube-system'] }, {}, 'covered'],
    ['namespace wildcards: team-* includes team-a', { includedNamespaces: ['team-*'] }, { namespace: 'team-a' }, 'covered'],
    ['namespace wildcards: team-* does not include shop', { includedNamespaces: ['team-*'] }, {}, 'namespace-excluded'],
    ['namespace wildcards: ? matches one character', { includedNamespaces: ['sho?'] }, {}, 'covered'],
    ['namespace wildcards in excludedNamespaces', { excludedNamespaces: ['sh*'] }, {}, 'namespace-excluded'],
    ['empty includedResources include every resource', { includedNamespaces: ['shop'] }, {}, 'covered'],
    ['includedResources ["*"] includes every resource', { includedResources: ['*'] }, {}, 'covered'],
    ['includedResources accept the plural, which discovery resolves to deployments.apps', { includedResources: ['deployments'] }, {}, 'covered'],
    ['includedResources accept resource.group', { includedResources: ['deployments.apps'] }, {}, 'covered'],
    ['includedResources in another group do not match', { includedResources: ['deployments.extensions'] }, {}, 'resource-excluded'],
    ['includedResources ["pods"] leave deployments out', { includedResources: ['pods', 'persistentvolumeclaims'] }, {}, 'resource-excluded'],
    ['core resources have no group: pods', { includedResources: ['pods'] }, { resource: 'pods' }, 'covered'],
    ['excludedResources take precedence over includedResources', { includedResources: ['*'], excludedResources: ['deployments'] }, {}, 'resource-excluded'],
    ['resource names compare case-insensitively', { includedResources: ['Deployments.Apps'] }, {}, 'covered'],
    ['short names need discovery: deploy does not match without a resolver', { includedResources: ['deploy'] }, {}, 'resource-excluded'],
    ['resource globs match resource.group', { includedResources: ['*.apps'] }, {}, 'covered'],
    ['includeClusterResources: false does not exclude namespaced items', { includeClusterResources: false }, {}, 'covered'],
    ['includedNamespaceScopedResources (the scoped filters) select namespaced types', { includedNamespaceScopedResources: ['deployments'] }, {}, 'covered'],
    ['includedNamespaceScopedResources leave other types out', { includedNamespaceScopedResources: ['configmaps'] }, {}, 'resource-excluded'],
    ['excludedNamespaceScopedResources ["*"] excludes every namespaced type', { excludedNamespaceScopedResources: ['*'] }, {}, 'resource-excluded'],
    ['includedClusterScopedResources do not affect namespaced items', { includedClusterScopedResources: ['persistentvolumes'] }, {}, 'covered'],
    ['a labelSelector selects the items whose labels match', { labelSelector: { matchLabels: { backup: 'true' } } }, {}, 'covered'],
    ['a labelSelector leaves unlabelled items out, whatever their namespace', { labelSelector: { matchLabels: { backup: 'true' } } }, { labels: { app: 'web' } }, 'labels-not-selected'],
    ['a labelSelector leaves items without labels out', { labelSelector: { matchLabels: { backup: 'true' } } }, { labels: undefined }, 'labels-not-selected'],
    ['a labelSelector matchExpressions NotIn selects items without the key', { labelSelector: { matchExpressions: [{ key: 'backup', operator: 'NotIn', values: ['false'] }] } }, {}, 'covered'],
    ['an empty labelSelector selects everything', { labelSelector: {} }, { labels: {} }, 'covered'],
    ['orLabelSelectors: an item matching any selector is backed up', { orLabelSelectors: [{ matchLabels: { app: 'db' } }, { matchLabels: { app: 'web' } }] }, {}, 'covered'],
    ['orLabelSelectors: an item matching none is left out', { orLabelSelectors: [{ matchLabels: { app: 'db' } }, { matchLabels: { tier: 'cache' } }] }, {}, 'labels-not-selected'],
    ['an empty orLabelSelectors list falls back to labelSelector', { orLabelSelectors: [], labelSelector: { matchLabels: { app: 'db' } } }, {}, 'labels-not-selected'],
    ['the labelSelector is ANDed with the resource filter', { includedResources: ['pods'], labelSelector: { matchLabels: { app: 'web' } } }, {}, 'resource-excluded'],
    ['namespace is checked before labels', { includedNamespaces: ['billing'], labelSelector: { matchLabels: { app: 'db' } } }, {}, 'namespace-excluded'],
    ['a labelSelector with an unknown operator selects nothing (Velero fails the backup)', { labelSelector: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] } }, {}, 'labels-not-selected'],
  ])('%s', (_, spec, target, verdict) => {
    const full = { ...deployment, ...target };
    expect(explainCoverage(spec, full)).toBe(verdict);
    expect(backupCovers(spec, full)).toBe(verdict === 'covered');
  });

  it('resolves short names through resolveResource, as discovery would', () => {
    const resolveResource = (entry: string) => ({ deploy: 'deployments.apps', po: 'pods' })[entry];
    expect(backupCovers({ includedResources: ['deploy'] }, deployment, { resolveResource })).toBe(true);
    expect(backupCovers({ excludedResources: ['deploy'] }, deployment, { resolveResource })).toBe(false);
    expect(backupCovers({ includedResources: ['po'] }, deployment, { resolveResource })).toBe(false);
  });

  it.each<[string, string]>([
    ['Deployment', 'deployments.apps'],
    ['StatefulSet', 'statefulsets.apps'],
    ['DaemonSet', 'daemonsets.apps'],
    ['CronJob', 'cronjobs.batch'],
    ['Pod', 'pods'],
    ['Rollout', 'rollouts'],
  ])('resourceOfKind(%p) is %p', (kind, resource) => {
    expect(resourceOfKind(kind)).toBe(resource);
  });
});

function sched(name: string, template: BackupSpec, extra: Partial<CoverageSchedule> = {}): CoverageSchedule {
  return { cluster: 'prod', namespace: 'velero', name, spec: { schedule: '0 2 * * *', template }, phase: 'Enabled', ...extra };
}

function wl(name: string, labels: Record<string, string>, extra: Partial<CoverageWorkload> = {}): CoverageWorkload {
  return { cluster: 'prod', namespace: 'shop', kind: 'Deployment', name, labels, ...extra };
}

const labelled = sched('labelled', { includedNamespaces: ['*'], labelSelector: { matchLabels: { backup: 'true' } } });
const everything = sched('everything', { includedNamespaces: ['*'], excludedNamespaces: ['kube-system'] });

describe('evaluateCoverage', () => {
  it('a labelSelector schedule covers a namespace partially: the unlabelled workload is not backed up', () => {
    const result = evaluateCoverage({
      schedules: [labelled],
      namespaces: [{ cluster: 'prod', name: 'shop' }],
      workloads: [wl('web', { app: 'web', backup: 'true' }), wl('worker', { app: 'worker' })],
    });
    expect(result.namespaces).toEqual([
      {
        cluster: 'prod',
        namespace: 'shop',
        status: 'partial',
        schedules: ['labelled'],
        uncoveredWorkloads: [{ kind: 'Deployment', name: 'worker', reason: 'labels-not-selected' }],
        workloadCount: 2,
      },
    ]);
    expect(result.ignoredSchedules).toEqual([]);
  });

  it.each<[string, CoverageSchedule[], string, string[], Array<[string, string]>]>([
    [
      'orLabelSelectors that match every workload: covered',
      [sched('either', { orLabelSelectors: [{ matchLabels: { backup: 'true' } }, { matchLabels: { app: 'worker' } }] })],
      'covered',
      ['either'],
      [],
    ],
    ['a schedule without selector covers all', [everything], 'covered', ['everything'], []],
    ['two schedules together cover all, and both are named', [labelled, sched('workers', { includedNamespaces: ['shop'], labelSelector: { matchLabels: { app: 'worker' } } })], 'covered', ['labelled', 'workers'], []],
    ['excludedNamespaces leave it uncovered', [sched('others', { excludedNamespaces: ['shop'] })], 'uncovered', [], [['web', 'namespace-excluded'], ['worker', 'namespace-excluded']]],
    ['no schedule at all', [], 'uncovered', [], [['web', 'no-active-schedule'], ['worker', 'no-active-schedule']]],
    ['a schedule in another cluster covers nothing here', [{ ...everything, cluster: 'staging' }], 'uncovered', [], [['web', 'no-active-schedule'], ['worker', 'no-active-schedule']]],
    ['a PVC-only schedule leaves the Deployments out', [sched('volumes', { includedResources: ['persistentvolumeclaims', 'persistentvolumes'] })], 'uncovered', [], [['web', 'resource-excluded'], ['worker', 'resource-excluded']]],
    [
      'the reason is the furthest filter any schedule reached',
      [sched('others', { includedNamespaces: ['billing'] }), sched('volumes', { includedNamespaces: ['shop'], includedResources: ['pods'] }), labelled],
      'partial',
      ['labelled'],
      [['worker', 'labels-not-selected']],
    ],
  ])('%s', (_, schedules, status, names, uncovered) => {
    const [result] = evaluateCoverage({
      schedules,
      namespaces: [{ cluster: 'prod', name: 'shop' }],
      workloads: [wl('web', { backup: 'true' }), wl('worker', { app: 'worker' })],
    }).namespaces;
    expect(result.status).toBe(status);
    expect(result.schedules).toEqual(names);
    expect(result.uncoveredWorkloads.map(u => [u.name, u.reason])).toEqual(uncovered);
  });

  it.each<[string, CoverageSchedule, string, string]>([
    ['a paused schedule', sched('paused', {}, { spec: { schedule: '0 2 * * *', template: {}, paused: true } }), 'paused', 'spec.paused is true: Velero creates no backups'],
    ['a FailedValidation schedule, with its validation errors', sched('broken', {}, { phase: 'FailedValidation', validationErrors: ['invalid schedule: bad'] }), 'failed-validation', 'invalid schedule: bad'],
    ['a schedule whose cron Velero will refuse, before Velero has marked it', sched('sixfields', {}, { phase: undefined, spec: { schedule: '0 0 2 * * *', template: {} } }), 'failed-validation', 'expected exactly 5 fields'],
    [
      'a template with labelSelector and orLabelSelectors, whose backups fail validation',
      sched('both', { labelSelector: { matchLabels: { a: 'b' } }, orLabelSelectors: [{ matchLabels: { c: 'd' } }] }),
      'invalid-template',
      'encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified',
    ],
  ])('ignores %s and says why', (_, schedule, reason, detail) => {
    const result = evaluateCoverage({ schedules: [schedule], namespaces: [{ cluster: 'prod', name: 'shop' }], workloads: [wl('web', {})] });
    expect(result.namespaces[0].status).toBe('uncovered');
    expect(result.namespaces[0].uncoveredWorkloads[0].reason).toBe('no-active-schedule');
    expect(result.ignoredSchedules).toEqual([{ cluster: 'prod', namespace: 'velero', name: schedule.name, reason, detail: expect.stringContaining(detail) }]);
  });

  it('a namespace without workloads is covered by any active schedule that includes it, and uncovered otherwise', () => {
    const result = evaluateCoverage({
      schedules: [sched('shop-only', { includedNamespaces: ['shop'] })],
      namespaces: [{ cluster: 'prod', name: 'shop' }, { cluster: 'prod', name: 'empty' }],
      workloads: [],
    });
    expect(result.namespaces.map(n => [n.namespace, n.status, n.schedules])).toEqual([
      ['empty', 'uncovered', []],
      ['shop', 'covered', ['shop-only']],
    ]);
  });

  it('reports namespaces that only the workloads name, sorted by cluster and namespace', () => {
    const result = evaluateCoverage({
      schedules: [],
      namespaces: [{ cluster: 'b', name: 'x' }],
      workloads: [wl('web', {}, { cluster: 'a', namespace: 'y' })],
    });
    expect(result.namespaces.map(n => `${n.cluster}/${n.namespace}`)).toEqual(['a/y', 'b/x']);
  });

  describe('a workload with PersistentVolumeClaims is covered only with its pods and claims, which carry its data', () => {
    const stateful = (labels: Record<string, string>, templateLabels?: Record<string, string>) =>
      wl('db', labels, { kind: 'StatefulSet', persistentVolumeClaims: true, templateLabels });
    it.each<[string, BackupSpec, CoverageWorkload, string]>([
      ['everything included', {}, stateful({ backup: 'true' }), 'covered'],
      ['pods labelled like the StatefulSet', { labelSelector: { matchLabels: { backup: 'true' } } }, stateful({ backup: 'true' }, { backup: 'true', app: 'db' }), 'covered'],
      ['the StatefulSet labelled but not its pods', { labelSelector: { matchLabels: { backup: 'true' } } }, stateful({ backup: 'true' }, { app: 'db' }), 'pods-not-selected'],
      ['pods excluded by resource', { excludedResources: ['pods'] }, stateful({}), 'pods-not-selected'],
      ['claims excluded by resource', { excludedResources: ['persistentvolumeclaims'] }, stateful({}), 'volumes-excluded'],
      ['claims excluded does not matter without claims', { excludedResources: ['persistentvolumeclaims'] }, wl('db', {}, { kind: 'StatefulSet' }), 'covered'],
    ])('%s → %s', (_, template, workload, expected) => {
      const [ns] = evaluateCoverage({ schedules: [sched('s', template)], namespaces: [], workloads: [workload] }).namespaces;
      expect(ns.status === 'covered' ? 'covered' : ns.uncoveredWorkloads[0].reason).toBe(expected);
    });
  });

  it('uses the workload resource for kinds that are not built in', () => {
    const rollout = wl('canary', {}, { kind: 'Rollout', resource: 'rollouts.argoproj.io' });
    const [ns] = evaluateCoverage({ schedules: [sched('argo', { includedResources: ['rollouts.argoproj.io'] })], namespaces: [], workloads: [rollout] }).namespaces;
    expect(ns.status).toBe('covered');
  });

  it('evaluates 5,000 namespaces × 20 schedules × 4 workloads well under a second', () => {
    const clusters = ['a', 'b'];
    const schedules: CoverageSchedule[] = clusters.flatMap(cluster =>
      Array.from({ length: 20 }, (_, i) =>
        sched(`s${i}`, {
          includedNamespaces: i % 4 === 0 ? ['*'] : [`team-${i}-*`, `ns-${i}`],
          excludedNamespaces: ['kube-system', `ns-${i + 1}`],
          includedResources: i % 3 === 0 ? ['deployments', 'statefulsets.apps', 'pods', 'persistentvolumeclaims'] : [],
          labelSelector: i % 2 === 0 ? { matchLabels: { backup: 'true' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['scratch'] }] } : undefined,
        }, { cluster }),
      ),
    );
    const namespaces = Array.from({ length: 5000 }, (_, i) => ({ cluster: clusters[i % 2], name: i % 7 === 0 ? `team-${i % 20}-x${i}` : `ns-${i}` }));
    const workloads = namespaces.flatMap(ns =>
      Array.from({ length: 4 }, (_, j) =>
        wl(`w${j}`, j % 2 ? { backup: 'true', app: `w${j}` } : { app: `w${j}` }, {
          cluster: ns.cluster,
          namespace: ns.name,
          kind: j === 3 ? 'StatefulSet' : 'Deployment',
          persistentVolumeClaims: j === 3,
        }),
      ),
    );
    const started = Date.now();
    const result = evaluateCoverage({ schedules, namespaces, workloads });
    const elapsed = Date.now() - started;
    expect(result.namespaces).toHaveLength(5000);
    expect(elapsed).toBeLessThan(1000);
  });
});
