import type { NodeInfo, PodInfo } from '../fleet/types';
import { holdsResources } from './pods';

/** The node holding the most of these pods, when it holds at least 2: evidence that replicas share a node. */
export function crowdedNode(pods: PodInfo[]): { node: string; pods: number } | undefined {
  const perNode = new Map<string, number>();
  for (const pod of pods.filter(holdsResources)) perNode.set(pod.nodeName!, (perNode.get(pod.nodeName!) ?? 0) + 1);
  let crowded: { node: string; pods: number } | undefined;
  for (const [node, count] of [...perNode.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (count >= 2 && (!crowded || count > crowded.pods)) crowded = { node, pods: count };
  }
  return crowded;
}

/** The one zone holding all of at least 2 running pods: evidence that replicas share a zone. */
export function soleZone(pods: PodInfo[], nodes: NodeInfo[]): { zone: string; pods: number } | undefined {
  const zoneOf = new Map(nodes.map(node => [node.name, node.zone]));
  const placed = pods.filter(holdsResources);
  if (placed.length < 2) return undefined;
  const zones = new Set(placed.map(pod => zoneOf.get(pod.nodeName!)));
  const [zone] = [...zones];
  return zones.size === 1 && zone ? { zone, pods: placed.length } : undefined;
}
