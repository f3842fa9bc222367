/*
 * The 'scale' scenario: a fleet of clusters × namespaces × pods (default 50 × 20 × 4,000 pods
 * per cluster) for benchmarks, deterministic from a seed. Workloads are generated in their
 * final, settled state — Deployments, ReplicaSets and Running pods bound to nodes, with the
 * statuses the controllers would compute — so startup is a bulk load, not 200,000 reconciles.
 * Each cluster's objects are generated when read, so the fleet is never held twice in memory.
 */
import {
  hashToUnit,
  hexDigest,
  randomSuffix,
  seededRandom,
} from '../controllers/hash';
import { type Condition, toKubeTime } from '../controllers/objects';
import { desiredPodStatus } from '../controllers/podStatus';
import { templateHash } from '../controllers/podTemplate';
import type { KubeObject, Scenario, ScenarioCluster } from '../types';
import { buildCluster, derivedToken } from './buildCluster';
import { expandNodeSpecs, nodeObject } from './expandNodes';
import type { ClusterFile, NodeSpec } from './scenarioFile';

/** Fleet size and seed. */
export interface ScaleParams {
  clusters?: number;
  namespaces?: number;
  /** Pods per cluster. */
  pods?: number;
  seed?: number;
}

const REGIONS = ['eu-west-1', 'us-east-1', 'ap-southeast-1', 'eu-central-1'];
const VERSIONS = ['v1.29.10', 'v1.30.6', 'v1.31.4'];
const TEAMS = [
  'payments',
  'checkout',
  'search',
  'identity',
  'catalog',
  'orders',
  'shipping',
  'billing',
  'growth',
  'data',
  'ml',
  'platform',
];
const PODS_PER_NODE = 90;

/** A deterministic RFC 4122-shaped uid, so generated ownerReferences can name their owners. */
export function scaleUid(...parts: string[]): string {
  const h = hexDigest(parts.join('/'), 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

function owner(kind: string, apiVersion: string, obj: KubeObject) {
  return {
    apiVersion,
    kind,
    name: obj.metadata.name!,
    uid: obj.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

interface Placement {
  node: KubeObject;
  free: number;
}

function workloadObjects(
  clusterName: string,
  namespace: string,
  team: string,
  index: number,
  replicas: number,
  placements: Placement[],
  random: () => number,
  start: Date,
): KubeObject[] {
  const name = `${team}-svc-${String(index).padStart(2, '0')}`;
  const labels = {
    'app.kubernetes.io/name': name,
    'backstage.io/kubernetes-id': name,
  };
  const cpu = 100 + Math.floor(random() * 4) * 50; // 100m–250m
  const memory = 128 * (1 + Math.floor(random() * 4)); // 128Mi–512Mi
  const template = {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'app',
          image: `registry.example.com/${team}/${name}:1.${Math.floor(
            random() * 20,
          )}.${Math.floor(random() * 10)}`,
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          resources: {
            requests: { cpu: `${cpu}m`, memory: `${memory}Mi` },
            limits: { cpu: `${cpu * 2}m`, memory: `${memory * 2}Mi` },
          },
          readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
        },
      ],
    },
  };
  const created = toKubeTime(
    new Date(start.getTime() - (3 + Math.floor(random() * 40)) * 86_400_000),
  );
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace,
      uid: scaleUid(clusterName, namespace, 'deploy', name),
      creationTimestamp: created,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: { replicas, selector: { matchLabels: labels }, template },
  };
  const hash = templateHash(template);
  const rsLabels = { ...labels, 'pod-template-hash': hash };
  const replicaSet: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${name}-${hash}`,
      namespace,
      uid: scaleUid(clusterName, namespace, 'rs', name),
      creationTimestamp: created,
      labels: rsLabels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(
          replicas + Math.ceil(replicas / 4),
        ),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [owner('Deployment', 'apps/v1', deployment)],
    },
    spec: {
      replicas,
      minReadySeconds: 0,
      selector: { matchLabels: rsLabels },
      template: { ...template, metadata: { labels: rsLabels } },
    },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      observedGeneration: 1,
    },
  };
  const conditions: Condition[] = [
    {
      type: 'Available',
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
      lastTransitionTime: created,
      lastUpdateTime: created,
    },
    {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${replicaSet.metadata.name}" has successfully progressed.`,
      lastTransitionTime: created,
      lastUpdateTime: created,
    },
  ];
  deployment.status = {
    observedGeneration: 1,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    conditions,
  };
  const pods: KubeObject[] = [];
  for (let i = 0; i < replicas; i++) {
    // Spread replicas across nodes: the emptiest node of the next zone in turn.
    const placement = placements.reduce(
      (best, p) => (p.free > best.free ? p : best),
      placements[(index + i) % placements.length],
    );
    placement.free--;
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${replicaSet.metadata.name}-${randomSuffix(random)}`,
        namespace,
        creationTimestamp: created,
        labels: rsLabels,
        ownerReferences: [owner('ReplicaSet', 'apps/v1', replicaSet)],
      },
      spec: { ...template.spec, nodeName: placement.node.metadata.name },
      status: { startTime: created, conditions: [] },
    };
    pod.status = desiredPodStatus({
      pod,
      node: placement.node,
      now: new Date(created),
      jobDurationMs: 60_000,
    });
    pods.push(pod);
  }
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels },
    spec: {
      selector: labels,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  };
  return [deployment, replicaSet, service, ...pods];
}

function clusterFile(
  index: number,
  params: Required<ScaleParams>,
): ClusterFile {
  const name = `scale-${String(index + 1).padStart(3, '0')}`;
  const region = REGIONS[index % REGIONS.length];
  const zones = ['a', 'b', 'c'].map(z => `${region}${z}`);
  const workers = Math.max(3, Math.ceil(params.pods / PODS_PER_NODE) + 1);
  const nodes: NodeSpec[] = [
    { name: `${name}-cp`, count: 3, role: 'control-plane', zones },
    {
      name: `${name}-worker`,
      count: workers,
      zones,
      cpu: '32',
      memory: '128Gi',
      instanceType: 'm6i.8xlarge',
    },
  ];
  const namespaces = Array.from({ length: params.namespaces }, (_, n) => {
    const team = TEAMS[n % TEAMS.length];
    return { team, namespace: `${team}-${String(n).padStart(2, '0')}` };
  });
  return {
    name,
    version: VERSIONS[index % VERSIONS.length],
    labels: {
      region,
      environment: index % 5 === 0 ? 'staging' : 'production',
      tier: 'scale',
    },
    nodes,
    tenants: namespaces.map(({ team, namespace }) => ({
      tenant: team,
      namespace,
      owner: `group:default/team-${team}`,
      costCenter: `cc-${1000 + TEAMS.indexOf(team)}`,
      environment: 'production' as const,
      tier: 'large' as const,
    })),
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'velero' } },
      {
        apiVersion: 'velero.io/v1',
        kind: 'BackupStorageLocation',
        metadata: { name: 'default', namespace: 'velero' },
        spec: {
          provider: 'aws',
          default: true,
          objectStorage: { bucket: 'kubeyard-scale-backups', prefix: name },
          config: { region },
        },
        status: { phase: 'Available' },
      },
      {
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        metadata: { name: 'daily', namespace: 'velero' },
        spec: {
          schedule: '0 2 * * *',
          template: {
            ttl: '720h0m0s',
            excludedNamespaces: [
              'kube-system',
              'kube-public',
              'kube-node-lease',
            ],
          },
        },
      },
    ],
    backupHistory: [
      {
        schedule: 'daily',
        runs: 7,
        outcomes: index % 7 === 3 ? { '2': 'PartiallyFailed' } : {},
      },
    ],
  };
}

function generateCluster(
  index: number,
  params: Required<ScaleParams>,
  start: Date,
): KubeObject[] {
  const file = clusterFile(index, params);
  const base = buildCluster(file, { start, seed: params.seed });
  const version = file.version!;
  const since = toKubeTime(new Date(start.getTime() - 30 * 86_400_000));
  const workers = expandNodeSpecs(file.nodes!)
    .map((node, i) => ({ node, i }))
    .filter(({ node }) => node.role === 'worker')
    .map(({ node, i }) => ({
      node: nodeObject(node, i, version, since),
      free: PODS_PER_NODE,
    }));
  const random = seededRandom(params.seed * 7919 + index);
  const perNamespace = Math.floor(params.pods / params.namespaces);
  const objects: KubeObject[] = [...base.objects];
  file.tenants!.forEach((tenant, n) => {
    let remaining =
      perNamespace + (n < params.pods % params.namespaces ? 1 : 0);
    for (let w = 0; remaining > 0; w++) {
      const replicas = Math.min(remaining, 5 + Math.floor(random() * 11));
      objects.push(
        ...workloadObjects(
          file.name,
          tenant.namespace!,
          tenant.tenant,
          w,
          replicas,
          workers,
          random,
          start,
        ),
      );
      remaining -= replicas;
    }
  });
  return objects;
}

/** The scale fleet. */
export function scaleScenario(params: ScaleParams = {}): Scenario {
  const resolved: Required<ScaleParams> = {
    clusters: params.clusters ?? 50,
    namespaces: params.namespaces ?? 20,
    pods: params.pods ?? 4000,
    seed: params.seed ?? 1,
  };
  if (resolved.clusters < 1 || resolved.namespaces < 1 || resolved.pods < 0) {
    throw new Error(
      `scale: clusters and namespaces must be ≥ 1 and pods ≥ 0 (got ${JSON.stringify(
        resolved,
      )})`,
    );
  }
  // A fixed start keeps generated statuses (times) identical run after run for one seed.
  const start = new Date(
    Date.UTC(2025, 0, 15, 12) +
      Math.floor(hashToUnit(resolved.seed, 'start') * 30) * 86_400_000,
  );
  const clusters: ScenarioCluster[] = Array.from(
    { length: resolved.clusters },
    (_, index) => {
      const file = clusterFile(index, resolved);
      const cluster = {
        name: file.name,
        token: derivedToken(file.name, resolved.seed),
        version: file.version,
        labels: file.labels,
      } as ScenarioCluster;
      Object.defineProperty(cluster, 'objects', {
        enumerable: true,
        get: () => generateCluster(index, resolved, start),
      });
      return cluster;
    },
  );
  return { name: 'scale', startTime: toKubeTime(start), clusters };
}
