/*
 * The resource coordinates the controllers read and write.
 */
import type { GVR } from '../types';

const core = (resource: string): GVR => ({
  group: '',
  version: 'v1',
  resource,
});
const apps = (resource: string): GVR => ({
  group: 'apps',
  version: 'v1',
  resource,
});
const velero = (resource: string): GVR => ({
  group: 'velero.io',
  version: 'v1',
  resource,
});

/** GVRs used by the controllers, by Kubernetes resource name. */
export const GVRS = {
  namespaces: core('namespaces'),
  nodes: core('nodes'),
  pods: core('pods'),
  services: core('services'),
  endpoints: core('endpoints'),
  events: core('events'),
  secrets: core('secrets'),
  configmaps: core('configmaps'),
  persistentvolumes: core('persistentvolumes'),
  persistentvolumeclaims: core('persistentvolumeclaims'),
  resourcequotas: core('resourcequotas'),
  limitranges: core('limitranges'),
  deployments: apps('deployments'),
  replicasets: apps('replicasets'),
  statefulsets: apps('statefulsets'),
  daemonsets: apps('daemonsets'),
  controllerrevisions: apps('controllerrevisions'),
  jobs: { group: 'batch', version: 'v1', resource: 'jobs' } as GVR,
  cronjobs: { group: 'batch', version: 'v1', resource: 'cronjobs' } as GVR,
  poddisruptionbudgets: {
    group: 'policy',
    version: 'v1',
    resource: 'poddisruptionbudgets',
  } as GVR,
  horizontalpodautoscalers: {
    group: 'autoscaling',
    version: 'v2',
    resource: 'horizontalpodautoscalers',
  } as GVR,
  customresourcedefinitions: {
    group: 'apiextensions.k8s.io',
    version: 'v1',
    resource: 'customresourcedefinitions',
  } as GVR,
  backups: velero('backups'),
  schedules: velero('schedules'),
  restores: velero('restores'),
  backupstoragelocations: velero('backupstoragelocations'),
  deletebackuprequests: velero('deletebackuprequests'),
} as const;

/** The apiVersion string of a GVR ("v1", "apps/v1"). */
export function apiVersionOf(gvr: GVR): string {
  return gvr.group ? `${gvr.group}/${gvr.version}` : gvr.version;
}
