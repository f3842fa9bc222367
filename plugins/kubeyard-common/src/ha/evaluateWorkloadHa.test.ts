import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { container, idsOf, pdb, podsOn, workload, workloadInput } from './testing/builders';

describe('evaluateWorkloadHa', () => {
  it('finds nothing wrong with the healthy fixture', () => {
    expect(evaluateWorkloadHa(workloadInput())).toEqual([]);
  });

  it('puts the workload, its namespace and the cluster in the finding object', () => {
    const findings = evaluateWorkloadHa(workloadInput({ workload: workload({ desiredReplicas: 1, readyReplicas: 1 }), hpas: [] }));
    expect(findings.find(f => f.id === 'workload.replicas.single')?.object).toEqual({
      kind: 'Deployment',
      name: 'web',
      namespace: 'shop',
      cluster: 'prod-eu',
    });
  });

  it('skips replica, PDB-missing, anti-affinity, spread and HPA rules for DaemonSets', () => {
    const daemonSet = workload(
      { kind: 'DaemonSet', name: 'agent', desiredReplicas: 3, readyReplicas: 3, strategy: { type: 'RollingUpdate', maxUnavailable: 1 } },
      { antiAffinity: 'none', topologySpread: [] },
    );
    expect(evaluateWorkloadHa(workloadInput({ workload: daemonSet, pdbs: [], hpas: [] }))).toEqual([]);
  });

  it('still checks probes, resources and pods of DaemonSets', () => {
    const daemonSet = workload(
      { kind: 'DaemonSet', name: 'agent', desiredReplicas: 3, readyReplicas: 2 },
      { containers: [container('agent', { readinessProbe: false, requests: {} })] },
    );
    const pods = podsOn(['w-a', 'w-b', 'w-c']).map((p, i) => ({
      ...p,
      containers: [container('agent', { requests: {} })],
      restarts: i === 0 ? 12 : 0,
    }));
    expect(idsOf(evaluateWorkloadHa(workloadInput({ workload: daemonSet, pods, pdbs: [pdb({ selector: { app: 'agent' } })], hpas: [] })))).toEqual([
      'workload.probes.missing',
      'workload.replicas.not-ready',
      'workload.resources.missing',
      'workload.restarts.high',
    ]);
  });

  it('finds nothing wrong with a healthy StatefulSet, whose rollouts cannot surge', () => {
    const statefulSet = workload({ kind: 'StatefulSet', strategy: { type: 'RollingUpdate', maxUnavailable: 1 } });
    const input = workloadInput({ workload: statefulSet, hpas: [] });
    expect(idsOf(evaluateWorkloadHa(input))).toEqual(['workload.hpa.missing']);
  });
});
