/*
 * The controllers of one simulated cluster. `createControllers()` returns fresh instances that
 * share one ClusterClient (shared informers) and one store of Velero backup contents.
 */
import type { Controller } from '../types';
import { ClusterClient } from './clusterClient';
import { DaemonSetController } from './daemonSetController';
import { DeploymentController } from './deploymentController';
import { DisruptionController } from './disruptionController';
import { EndpointsController } from './endpointsController';
import { EventTtlController } from './eventTtlController';
import { HorizontalPodAutoscalerController } from './horizontalPodAutoscalerController';
import { JobController } from './jobController';
import { KubeletController } from './kubeletController';
import { NodeLifecycleController } from './nodeLifecycleController';
import { PersistentVolumeBinder } from './persistentVolumeBinder';
import { ReplicaSetController } from './replicaSetController';
import { SchedulerController } from './schedulerController';
import { StatefulSetController } from './statefulSetController';
import { VClusterController } from './vclusterController';
import { BackupContentsStore } from './veleroBackupContents';
import { VeleroBackupController } from './veleroBackupController';
import { VeleroGarbageCollector } from './veleroGarbageCollector';
import { VeleroRestoreController } from './veleroRestoreController';
import { VeleroScheduleController } from './veleroScheduleController';
import { VeleroStorageLocationController } from './veleroStorageLocationController';

export { podUsage, nodeUsage, dailyLoad, DEFAULT_USAGE } from './usage';
export type { ContainerUsage, NodeUsage } from './usage';

/** Fresh controllers for one cluster, to be started with that cluster's ControllerContext. */
export function createControllers(): Controller[] {
  const client = new ClusterClient();
  const backupContents = new BackupContentsStore();
  return [
    new NodeLifecycleController(client),
    new SchedulerController(client),
    new KubeletController(client),
    new PersistentVolumeBinder(client),
    new DeploymentController(client),
    new ReplicaSetController(client),
    new StatefulSetController(client),
    new DaemonSetController(client),
    new JobController(client),
    new EndpointsController(client),
    new DisruptionController(client),
    new HorizontalPodAutoscalerController(client),
    new VeleroStorageLocationController(client),
    new VeleroScheduleController(client),
    new VeleroBackupController(client, backupContents),
    new VeleroRestoreController(client, backupContents),
    new VeleroGarbageCollector(client, backupContents),
    new VClusterController(client),
    new EventTtlController(client),
    {
      // Stops the shared informers last, after every controller stopped queueing work.
      name: 'shared-informers',
      start: () => undefined,
      stop: () => client.stop(),
    },
  ];
}
