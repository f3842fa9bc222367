import type { HpaInfo, PdbInfo, WorkloadInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { allowedDisruptions } from './pdbRules';
import { hpa, pdb, withId, workload, workloadInput } from './testing/builders';

function findings(pdbs: PdbInfo[], id: string, target: Partial<WorkloadInfo> = {}, hpas: HpaInfo[] = [hpa()]) {
  return withId(evaluateWorkloadHa(workloadInput({ workload: workload(target), pdbs, hpas })), id);
}

describe('allowedDisruptions', () => {
  it.each<[Partial<PdbInfo>, number, number | undefined]>([
    [{ minAvailable: 3 }, 3, 0],
    [{ minAvailable: 2 }, 3, 1],
    [{ minAvailable: 5 }, 3, 0],
    [{ minAvailable: '100%' }, 3, 0],
    [{ minAvailable: '50%' }, 3, 1],
    [{ minAvailable: '67%' }, 3, 0],
    [{ minAvailable: '60%' }, 5, 2],
    [{ maxUnavailable: 0 }, 3, 0],
    [{ maxUnavailable: '0%' }, 3, 0],
    [{ maxUnavailable: 1 }, 3, 1],
    [{ maxUnavailable: '25%' }, 3, 1],
    [{ maxUnavailable: '10%' }, 2, 1],
    [{ maxUnavailable: 5 }, 3, 3],
    [{}, 3, undefined],
    [{ minAvailable: 'half' }, 3, undefined],
    [{ maxUnavailable: '1' }, 3, undefined],
  ])('%j with %d replicas allows %p', (spec, replicas, allowed) => {
    expect(allowedDisruptions({ namespace: 'shop', name: 'p', selector: {}, ...spec }, replicas)).toBe(allowed);
  });
});

describe('PDB blocks eviction', () => {
  it.each<[string, PdbInfo, Partial<WorkloadInfo>, string | undefined]>([
    ['maxUnavailable 1', pdb(), {}, undefined],
    ['minAvailable 2 of 3', pdb({ maxUnavailable: undefined, minAvailable: 2 }), {}, undefined],
    ['minAvailable 3 of 3', pdb({ maxUnavailable: undefined, minAvailable: 3 }), {}, 'Set minAvailable to 2 or maxUnavailable to 1'],
    ['minAvailable 100%', pdb({ maxUnavailable: undefined, minAvailable: '100%' }), {}, 'Set minAvailable to 2 or maxUnavailable to 1'],
    ['maxUnavailable 0', pdb({ maxUnavailable: 0 }), {}, 'Set maxUnavailable to 1'],
    ['maxUnavailable 0%', pdb({ maxUnavailable: '0%' }), {}, 'Set maxUnavailable to 1'],
    // The KubePolaris small tier: 2 replicas and minAvailable 2.
    ['minAvailable 2 of 2', pdb({ maxUnavailable: undefined, minAvailable: 2 }), { desiredReplicas: 2, readyReplicas: 2 }, 'Set minAvailable to 1 or maxUnavailable to 1'],
    [
      'minAvailable 1 of 1',
      pdb({ maxUnavailable: undefined, minAvailable: 1 }),
      { desiredReplicas: 1, readyReplicas: 1 },
      'Run at least 2 replicas and set maxUnavailable to 1: with 1 replica, any PodDisruptionBudget that keeps it available blocks drains',
    ],
    ['a PDB selecting other pods', pdb({ maxUnavailable: 0, selector: { app: 'api' } }), {}, undefined],
    ['a PDB in another namespace', pdb({ maxUnavailable: 0, namespace: 'other' }), {}, undefined],
    ['an empty selector, which selects the whole namespace', pdb({ maxUnavailable: 0, selector: {} }), {}, 'Set maxUnavailable to 1'],
    [
      'a matchExpressions selector that excludes the pods',
      pdb({ maxUnavailable: 0, selector: {}, selectorExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }),
      {},
      undefined,
    ],
    ['a scaled-down workload', pdb({ maxUnavailable: undefined, minAvailable: 3 }), { desiredReplicas: 0, readyReplicas: 0 }, undefined],
    ['a DaemonSet', pdb({ maxUnavailable: 0 }), { kind: 'DaemonSet' }, 'Set maxUnavailable to 1'],
  ])('%s', (_, budget, target, fix) => {
    const found = findings([budget], 'workload.pdb.blocks-eviction', target);
    expect(found.map(f => [f.severity, f.fix])).toEqual(fix ? [['warning', fix]] : []);
  });

  it('says what the PDB requires and what happens', () => {
    const [finding] = findings([pdb({ name: 'payments-api-pdb', maxUnavailable: undefined, minAvailable: 3 })], 'workload.pdb.blocks-eviction');
    expect(finding.object).toEqual({ kind: 'PodDisruptionBudget', name: 'payments-api-pdb', namespace: 'shop', cluster: 'prod-eu' });
    expect(finding.message).toBe(
      'PodDisruptionBudget payments-api-pdb requires minAvailable 3 with 3 replicas of Deployment web: no voluntary disruption is allowed, so node drains block',
    );
  });

  it('warns about the HPA minimum when the PDB fits only at higher replica counts', () => {
    const budget = pdb({ maxUnavailable: undefined, minAvailable: 2 });
    const [finding] = findings([budget], 'workload.pdb.blocks-eviction', { desiredReplicas: 5, readyReplicas: 5 }, [hpa({ minReplicas: 2 })]);
    expect(finding.message).toBe(
      'PodDisruptionBudget web-pdb requires minAvailable 2 with 2 replicas of Deployment web once HorizontalPodAutoscaler web-hpa scales down: no voluntary disruption is allowed, so node drains block',
    );
    expect(finding.fix).toBe('Set minAvailable to 1 or maxUnavailable to 1');
  });
});

describe('multiple PDBs', () => {
  it('warns when two PDBs select the same pods', () => {
    const found = findings([pdb(), pdb({ name: 'web-legacy-pdb' })], 'workload.pdb.multiple');
    expect(found.map(f => f.severity)).toEqual(['warning']);
    expect(found[0].message).toContain('selected by 2 PodDisruptionBudgets (web-legacy-pdb and web-pdb)');
  });

  it('is quiet with one PDB', () => {
    expect(findings([pdb(), pdb({ name: 'api-pdb', selector: { app: 'api' } })], 'workload.pdb.multiple')).toEqual([]);
  });
});

describe('missing PDB', () => {
  it.each<[string, Partial<WorkloadInfo>, PdbInfo[], HpaInfo[], boolean]>([
    ['3 replicas without a PDB', {}, [], [hpa()], true],
    ['3 replicas with a PDB', {}, [pdb()], [hpa()], false],
    ['1 replica without a PDB', { desiredReplicas: 1, readyReplicas: 1 }, [], [], false],
    ['a DaemonSet without a PDB', { kind: 'DaemonSet' }, [], [], false],
  ])('%s → %s', (_, target, pdbs, hpas, expected) => {
    const found = findings(pdbs, 'workload.pdb.missing', target, hpas);
    expect(found.map(f => f.severity)).toEqual(expected ? ['info'] : []);
  });

  it('gives the kubectl command that creates one', () => {
    const [finding] = findings([], 'workload.pdb.missing');
    expect(finding.fix).toBe('kubectl -n shop create poddisruptionbudget web --selector=app=web --max-unavailable=1');
  });
});
