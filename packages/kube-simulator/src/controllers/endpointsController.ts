/*
 * Service → Endpoints: ready pods matching the selector as addresses, the others as
 * notReadyAddresses, with target ports resolved (named ports through the containers).
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { matchesSelectorMap } from '../apiserver/labelSelector';
import { deepEqual, isTerminating, keyOf, splitKey } from './objects';
import { isPodReady, isPodTerminal } from './podTemplate';

const MANAGER = 'endpoint-controller';

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

function resolvePort(pod: KubeObject, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const containers =
    (
      pod.spec as {
        containers?: Array<{
          ports?: Array<{ name?: string; containerPort: number }>;
        }>;
      }
    ).containers ?? [];
  for (const c of containers) {
    const found = c.ports?.find(p => p.name === target);
    if (found) return found.containerPort;
  }
  return undefined;
}

/** The Endpoints subsets for a Service and its candidate pods (grouped by resolved ports). */
export function endpointSubsets(
  service: KubeObject,
  pods: KubeObject[],
): unknown[] {
  const ports = ((service.spec as { ports?: ServicePort[] }).ports ??
    []) as ServicePort[];
  const groups = new Map<
    string,
    {
      ports: unknown[];
      addresses: EndpointAddress[];
      notReadyAddresses: EndpointAddress[];
    }
  >();
  for (const pod of [...pods].sort((a, b) =>
    (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  )) {
    const ip = (pod.status as { podIP?: string } | undefined)?.podIP;
    if (!ip) continue;
    const resolved = ports.flatMap(p => {
      const port = resolvePort(pod, p);
      if (port === undefined) return [];
      const out: Record<string, unknown> = {
        port,
        protocol: p.protocol ?? 'TCP',
      };
      if (p.name) out.name = p.name;
      if (p.appProtocol) out.appProtocol = p.appProtocol;
      return [out];
    });
    const groupKey = JSON.stringify(resolved);
    let group = groups.get(groupKey);
    if (!group)
      groups.set(
        groupKey,
        (group = { ports: resolved, addresses: [], notReadyAddresses: [] }),
      );
    const address: EndpointAddress = {
      ip,
      nodeName: (pod.spec as { nodeName?: string }).nodeName,
      targetRef: {
        kind: 'Pod',
        namespace: pod.metadata.namespace!,
        name: pod.metadata.name!,
        uid: pod.metadata.uid!,
      },
    };
    (isPodReady(pod) ? group.addresses : group.notReadyAddresses).push(address);
  }
  return [...groups.values()].map(g => {
    const subset: Record<string, unknown> = {};
    if (g.addresses.length) subset.addresses = g.addresses;
    if (g.notReadyAddresses.length)
      subset.notReadyAddresses = g.notReadyAddresses;
    if (g.ports.length) subset.ports = g.ports;
    return subset;
  });
}

/** The endpoints controller. */
export class EndpointsController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.endpoints, () => undefined); // cached, for existence checks
    this.subscribe(GVRS.services, (_type, svc) => this.queue.add(keyOf(svc)));
    this.subscribe(GVRS.pods, (_type, pod, old) => {
      for (const svc of this.client
        .informer(GVRS.services)
        .list(pod.metadata.namespace)) {
        const selector = (
          svc.spec as { selector?: Record<string, string> } | undefined
        )?.selector;
        if (
          matchesSelectorMap(selector, pod.metadata.labels) ||
          (old && matchesSelectorMap(selector, old.metadata.labels))
        ) {
          this.queue.add(keyOf(svc));
        }
      }
    });
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const service = this.client.informer(GVRS.services).get(namespace, name);
    if (!service) {
      const orphan = this.client.informer(GVRS.endpoints).get(namespace, name);
      if (orphan?.metadata.labels?.['endpoints.kubernetes.io/managed-by'])
        this.client.delete(GVRS.endpoints, orphan, MANAGER);
      return;
    }
    if (isTerminating(service)) return;
    const selector = (service.spec as { selector?: Record<string, string> })
      .selector;
    // Services without a selector have hand-managed Endpoints.
    if (!selector || Object.keys(selector).length === 0) return;
    const pods = this.client
      .informer(GVRS.pods)
      .list(namespace)
      .filter(
        p =>
          matchesSelectorMap(selector, p.metadata.labels) &&
          !isTerminating(p) &&
          !isPodTerminal(p),
      );
    const subsets = endpointSubsets(service, pods);
    const existing = this.client.informer(GVRS.endpoints).get(namespace, name!);
    const labels = {
      ...service.metadata.labels,
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    };
    if (!existing) {
      this.client.create(
        GVRS.endpoints,
        {
          apiVersion: 'v1',
          kind: 'Endpoints',
          metadata: { name, namespace, labels },
          subsets,
        },
        MANAGER,
      );
      return;
    }
    if (
      deepEqual(existing.subsets ?? [], subsets) &&
      deepEqual(existing.metadata.labels, labels)
    )
      return;
    this.client.update(
      GVRS.endpoints,
      { ...existing, metadata: { ...existing.metadata, labels }, subsets },
      MANAGER,
    );
  }
}
