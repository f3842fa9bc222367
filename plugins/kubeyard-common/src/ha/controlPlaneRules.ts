import type { Finding } from '../findings/types';
import { zonesOf } from './nodes';
import { listNames, plural } from './text';
import type { ClusterContext, ClusterRule } from './types';

/** cluster.control-plane.count / even-count / hidden: 3 or 5 control-plane nodes, never even. */
export const controlPlaneCount: ClusterRule = ({ cluster, object, controlPlaneNodes }: ClusterContext) => {
  const count = controlPlaneNodes.length;
  const names = listNames(controlPlaneNodes.map(node => node.name));
  if (count === 0) {
    return [
      {
        id: 'cluster.control-plane.hidden',
        severity: 'info',
        object,
        message: `No node of cluster ${cluster} has the control-plane or master role: the control plane is managed or runs elsewhere, so its redundancy cannot be checked from the nodes`,
        fix: `Check the provider's control-plane SLA (regional, multi-zone control plane), or label self-managed control-plane nodes with node-role.kubernetes.io/control-plane`,
      },
    ];
  }
  if (count === 1) {
    return [
      {
        id: 'cluster.control-plane.count',
        severity: 'critical',
        object,
        message: `Cluster ${cluster} has 1 control-plane node (${names}): when it fails, the API server, scheduler and controllers stop, and stacked etcd loses all quorum`,
        fix: 'Run 3 control-plane nodes (5 for large clusters) in different zones, behind a load-balanced API endpoint',
      },
    ];
  }
  if (count === 2) {
    return [
      {
        id: 'cluster.control-plane.count',
        severity: 'warning',
        object,
        message: `Cluster ${cluster} has 2 control-plane nodes (${names}): etcd on 2 members needs both for quorum, so the second node adds a failure point but no failure tolerance`,
        fix: 'Add a third control-plane node, in a third zone if there is one: 3 members tolerate 1 failure',
      },
    ];
  }
  if (count % 2 === 0) {
    return [
      {
        id: 'cluster.control-plane.even-count',
        severity: 'warning',
        object,
        message: `Cluster ${cluster} has ${count} control-plane nodes: quorum of ${count} is ${count / 2 + 1}, so it tolerates ${plural((count - 2) / 2, 'failure')}, no more than ${count - 1} nodes would`,
        fix: `Run ${count - 1} or ${count + 1} control-plane nodes: an odd count gets the most failure tolerance per node`,
      },
    ];
  }
  return [];
};

/** cluster.control-plane.zones: control-plane nodes spread over at least 2 zones. */
export const controlPlaneZones: ClusterRule = ({ cluster, object, controlPlaneNodes }: ClusterContext) => {
  if (controlPlaneNodes.length < 2) return [];
  const zones = zonesOf(controlPlaneNodes);
  if (zones.length >= 2) return [];
  const where =
    zones.length === 1
      ? `are all in zone ${zones[0]}: a zone outage takes down the whole control plane`
      : 'have no topology.kubernetes.io/zone label, so nothing shows they are in different failure domains';
  const finding: Finding = {
    id: 'cluster.control-plane.zones',
    severity: 'warning',
    object,
    message: `The ${plural(controlPlaneNodes.length, 'control-plane node')} of cluster ${cluster} ${where}`,
    fix:
      zones.length === 1
        ? 'Place the control-plane nodes in different zones (one per zone across 3 zones survives a zone outage), keeping the count odd'
        : 'Label every node with topology.kubernetes.io/zone (per rack or room on bare metal) and place control-plane nodes in different zones',
  };
  return [finding];
};

/** Control-plane rules, in report order. */
export const controlPlaneRules: ClusterRule[] = [controlPlaneCount, controlPlaneZones];
