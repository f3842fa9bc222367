/*
 * Static evaluation of NetworkPolicies with the semantics of networking.k8s.io/v1:
 * - a pod is isolated for a direction iff some policy in its namespace selects it and has
 *   that policyType (policyTypes defaults to Ingress, plus Egress when egress rules exist);
 * - an isolated pod's traffic is allowed iff some rule of a selecting policy allows it, and
 *   traffic between pods needs the source's egress AND the destination's ingress;
 * - a peer with podSelector alone means pods of the policy's namespace, namespaceSelector
 *   alone all pods of the selected namespaces, both in ONE peer their intersection; peers of
 *   a rule, and rules, are ORed; an absent or empty `to`/`from`/`ports` list matches all;
 * - ports default to TCP; `endPort` makes a range.
 * Pod IPs are unknown here, so ipBlock peers match only ipBlock destinations; named ports
 * cannot be resolved without the pod spec and match nothing (the reason says so).
 */
import { matchesLabelSelector, StructuredLabelSelector } from '../selectors/labelSelector';
import { IpRange, parseCidr, parseIpOrCidr, rangeContains, rangesOverlap } from './cidr';
import { NAMESPACE_NAME_LABEL } from './conventions';

/** A pod, identified by its namespace and labels. */
export interface ReachabilityPod {
  namespace: string;
  podLabels: Record<string, string>;
}

/** An address outside the cluster (an IP or a CIDR block). */
export interface ReachabilityIpBlock {
  ipBlock: string;
}

/** One connection to evaluate. */
export interface ReachabilityQuery {
  from: ReachabilityPod;
  to: ReachabilityPod | ReachabilityIpBlock;
  port: number;
  protocol: 'TCP' | 'UDP';
}

/** The verdict; `policies` are `namespace/name` of the policies that decided it. */
export interface ReachabilityResult {
  allowed: boolean;
  reason: string;
  policies: string[];
}

/** A NetworkPolicy as read from a cluster or rendered (other kinds in the list are ignored). */
export interface NetworkPolicyObject {
  kind?: string;
  metadata: { name: string; namespace?: string };
  spec?: unknown;
}

/** A namespace and its labels (`kubernetes.io/metadata.name` is implied). */
export interface ReachabilityNamespace {
  name: string;
  labels?: Record<string, string>;
}

interface Peer {
  podSelector?: StructuredLabelSelector;
  namespaceSelector?: StructuredLabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface PortSpec {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

interface Rule {
  peers?: Peer[];
  ports?: PortSpec[];
}

interface Policy {
  id: string;
  namespace: string;
  podSelector: StructuredLabelSelector;
  ingress?: Rule[];
  egress?: Rule[];
}

type Endpoint = ReachabilityPod | { ip: IpRange; text: string };

function isPod(endpoint: Endpoint): endpoint is ReachabilityPod {
  return (endpoint as ReachabilityPod).namespace !== undefined;
}

function asArray<T>(value: unknown): T[] | undefined {
  return Array.isArray(value) ? (value as T[]) : undefined;
}

function normalize(object: NetworkPolicyObject): Policy {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const namespace = object.metadata.namespace ?? 'default';
  const ingressRules = asArray<Record<string, unknown>>(spec.ingress) ?? [];
  const egressRules = asArray<Record<string, unknown>>(spec.egress) ?? [];
  const types = asArray<string>(spec.policyTypes);
  const hasIngress = types ? types.includes('Ingress') : true;
  const hasEgress = types ? types.includes('Egress') : egressRules.length > 0;
  const rule = (peersKey: 'from' | 'to') => (r: Record<string, unknown>): Rule => ({
    peers: asArray<Peer>(r[peersKey]),
    ports: asArray<PortSpec>(r.ports),
  });
  return {
    id: `${namespace}/${object.metadata.name}`,
    namespace,
    podSelector: (spec.podSelector ?? {}) as StructuredLabelSelector,
    ingress: hasIngress ? ingressRules.map(rule('from')) : undefined,
    egress: hasEgress ? egressRules.map(rule('to')) : undefined,
  };
}

class Evaluator {
  readonly notes = new Set<string>();
  private readonly namespaceLabels = new Map<string, Record<string, string>>();

  constructor(namespaces: ReachabilityNamespace[]) {
    for (const ns of namespaces) this.namespaceLabels.set(ns.name, { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name });
  }

  labelsOf(namespace: string): Record<string, string> {
    return this.namespaceLabels.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
  }

  peerMatches(peer: Peer, policyNamespace: string, endpoint: Endpoint): boolean {
    if (!isPod(endpoint)) {
      if (!peer.ipBlock) return false;
      const block = parseCidr(peer.ipBlock.cidr);
      if (!block || !rangeContains(block, endpoint.ip)) return false;
      return !(peer.ipBlock.except ?? []).some(text => {
        const except = parseCidr(text);
        return except !== undefined && rangesOverlap(except, endpoint.ip);
      });
    }
    if (peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)) return false;
    const namespaceMatches = peer.namespaceSelector
      ? matchesLabelSelector(this.labelsOf(endpoint.namespace), peer.namespaceSelector)
      : endpoint.namespace === policyNamespace;
    return namespaceMatches && (!peer.podSelector || matchesLabelSelector(endpoint.podLabels, peer.podSelector));
  }

  portMatches(ports: PortSpec[] | undefined, port: number, protocol: string): boolean {
    if (!ports || ports.length === 0) return true;
    return ports.some(p => {
      if ((p.protocol ?? 'TCP') !== protocol) return false;
      if (p.port === undefined) return true;
      if (typeof p.port === 'string') {
        this.notes.add(`named port "${p.port}" cannot be resolved statically and was not matched`);
        return false;
      }
      return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
    });
  }

  ruleMatches(rule: Rule, policyNamespace: string, peer: Endpoint, port: number, protocol: string): boolean {
    const peers = rule.peers ?? [];
    const peerOk = peers.length === 0 || peers.some(p => this.peerMatches(p, policyNamespace, peer));
    return peerOk && this.portMatches(rule.ports, port, protocol);
  }
}

interface DirectionVerdict {
  isolated: boolean;
  selecting: string[];
  allowing: string[];
}

function evaluateDirection(
  evaluator: Evaluator,
  policies: Policy[],
  direction: 'ingress' | 'egress',
  subject: ReachabilityPod,
  peer: Endpoint,
  port: number,
  protocol: string,
): DirectionVerdict {
  const selecting = policies.filter(
    p => p.namespace === subject.namespace && p[direction] !== undefined && matchesLabelSelector(subject.podLabels, p.podSelector),
  );
  const allowing = selecting.filter(p => p[direction]!.some(rule => evaluator.ruleMatches(rule, p.namespace, peer, port, protocol)));
  return { isolated: selecting.length > 0, selecting: selecting.map(p => p.id), allowing: allowing.map(p => p.id) };
}

function describeEndpoint(endpoint: Endpoint): string {
  if (!isPod(endpoint)) return endpoint.text;
  const labels = Object.entries(endpoint.podLabels).map(([k, v]) => `${k}=${v}`);
  return `pod {${labels.join(',')}} in ${endpoint.namespace}`;
}

function explain(direction: 'egress' | 'ingress', verdict: DirectionVerdict, subject: string, traffic: string): string {
  if (!verdict.isolated) return `${direction} of ${subject} is not isolated (no NetworkPolicy selects it for ${direction === 'egress' ? 'Egress' : 'Ingress'})`;
  if (verdict.allowing.length > 0) return `${direction} allowed by ${verdict.allowing.join(', ')}`;
  return `${direction} of ${subject} is isolated by ${verdict.selecting.join(', ')} and no rule allows ${traffic}`;
}

/** Whether a connection is allowed by the given NetworkPolicies (of every namespace you know), and why. */
export function evaluateReachability(
  policies: NetworkPolicyObject[],
  namespaces: ReachabilityNamespace[],
  query: ReachabilityQuery,
): ReachabilityResult {
  const evaluator = new Evaluator(namespaces);
  const normalized = policies.filter(p => p.kind === undefined || p.kind === 'NetworkPolicy').map(normalize);
  const { from, port, protocol } = query;
  let to: Endpoint;
  if ('ipBlock' in query.to) {
    const ip = parseIpOrCidr(query.to.ipBlock);
    if (!ip) return { allowed: false, reason: `"${query.to.ipBlock}" is not an IP address or CIDR block`, policies: [] };
    to = { ip, text: query.to.ipBlock };
  } else {
    to = query.to;
  }
  const source = describeEndpoint(from);
  const destination = describeEndpoint(to);
  const traffic = `${protocol}/${port} from ${source} to ${destination}`;

  const egress = evaluateDirection(evaluator, normalized, 'egress', from, to, port, protocol);
  const egressOk = !egress.isolated || egress.allowing.length > 0;
  const parts = [explain('egress', egress, source, traffic)];
  let ingressOk = true;
  let ingress: DirectionVerdict = { isolated: false, selecting: [], allowing: [] };
  if (isPod(to)) {
    ingress = evaluateDirection(evaluator, normalized, 'ingress', to, from, port, protocol);
    ingressOk = !ingress.isolated || ingress.allowing.length > 0;
    parts.push(explain('ingress', ingress, destination, traffic));
  } else {
    parts.push('the destination is outside the cluster, so only egress applies');
  }
  parts.push(...evaluator.notes);
  const allowed = egressOk && ingressOk;
  const deciding = allowed
    ? [...egress.allowing, ...ingress.allowing]
    : [...(egressOk ? [] : egress.selecting), ...(ingressOk ? [] : ingress.selecting)];
  return {
    allowed,
    reason: `${allowed ? 'allowed' : 'denied'}: ${parts.join('; ')}`,
    policies: [...new Set(deciding)],
  };
}
