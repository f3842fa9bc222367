import { soleZone } from './placementEvidence';
import { listNames, plural, podSelectorOf, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/** Topology keys of zones; the beta key predates Kubernetes 1.17 and still appears on old nodes. */
export const ZONE_KEYS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];

/** workload.spread.zone-missing / zone-skew: replicas spread over zones with maxSkew 1 when the nodes span several zones. */
export const zoneSpread: WorkloadRule = ({ workload, object, pods, nodes, zones, maxReplicas }: WorkloadContext) => {
  if (maxReplicas < 2 || zones.length < 2) return [];
  const constraint = workload.template.topologySpread.find(c => ZONE_KEYS.includes(c.topologyKey));
  if (constraint) {
    if (constraint.maxSkew <= 1) return [];
    return [
      {
        id: 'workload.spread.zone-skew',
        severity: 'info',
        object,
        message: `${workloadRef(workload)} spreads over zones with maxSkew ${constraint.maxSkew}: one zone may hold ${plural(constraint.maxSkew, 'pod')} more than another, so a zone outage takes more than its share`,
        fix: `Set maxSkew to 1 on the ${constraint.topologyKey} topologySpreadConstraint`,
      },
    ];
  }
  const sole = soleZone(pods, nodes);
  const evidence = sole ? ` (all ${sole.pods} running pods are in zone ${sole.zone})` : '';
  return [
    {
      id: 'workload.spread.zone-missing',
      severity: sole ? 'warning' : 'info',
      object,
      message: `${workloadRef(workload)} runs up to ${plural(maxReplicas, 'replica')} with no topologySpreadConstraint on topology.kubernetes.io/zone, though its nodes span ${zones.length} zones (${listNames(zones)}): one zone outage can take every replica${evidence}`,
      fix: `Add a topologySpreadConstraint with maxSkew 1, topologyKey topology.kubernetes.io/zone, whenUnsatisfiable ScheduleAnyway and a labelSelector matching ${podSelectorOf(workload)}`,
    },
  ];
};

/** Spread rules for Deployments and StatefulSets. */
export const spreadRules: WorkloadRule[] = [zoneSpread];
