import type { CoverageInput, CoverageSchedule, CoverageWorkload, NamespaceInfo, WorkloadInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { ClusterVeleroObjects } from './veleroObjects';

const WORKLOAD_TYPES = ['deployments', 'statefulsets', 'daemonsets'] as const;

/** The workloads of a cluster as evaluateCoverage reads them: object labels and pod template labels. */
export function coverageWorkloads(snapshot: ClusterSnapshot): CoverageWorkload[] {
  return WORKLOAD_TYPES.flatMap(type =>
    snapshot.list<WorkloadInfo>(type).map(workload => ({
      cluster: snapshot.name,
      namespace: workload.namespace,
      kind: workload.kind,
      name: workload.name,
      labels: workload.labels ?? {},
      templateLabels: workload.template?.labels ?? workload.labels ?? {},
    })),
  );
}

/** A cluster's Schedules as evaluateCoverage reads them. */
export function coverageSchedules(objects: ClusterVeleroObjects): CoverageSchedule[] {
  return objects.schedules.map(schedule => ({
    cluster: objects.cluster,
    namespace: schedule.metadata.namespace ?? '',
    name: schedule.metadata.name,
    spec: { ...schedule.spec, schedule: schedule.spec?.schedule ?? '', template: schedule.spec?.template ?? {} },
    phase: schedule.status?.phase,
    validationErrors: schedule.status?.validationErrors,
  }));
}

/**
 * Everything evaluateCoverage needs for one cluster, from the index; `namespaces`, when
 * given, limits it to those namespaces (an entity's or a tenant's).
 */
export function coverageInput(snapshot: ClusterSnapshot, objects: ClusterVeleroObjects, namespaces?: ReadonlySet<string>): CoverageInput {
  const wanted = (namespace: string) => !namespaces || namespaces.has(namespace);
  return {
    schedules: coverageSchedules(objects),
    namespaces: snapshot
      .list<NamespaceInfo>('namespaces')
      .filter(ns => wanted(ns.name))
      .map(ns => ({ cluster: snapshot.name, name: ns.name, labels: ns.labels })),
    workloads: coverageWorkloads(snapshot).filter(w => wanted(w.namespace)),
  };
}
