/*
 * @kubeyard/kube-simulator: an embedded Kubernetes API server serving many simulated clusters
 * on one port, for demos, tests and benchmarks.
 */
export { startSimulator } from './server/startSimulator';
export type { RunningSimulator, SimulatedClusterInfo, StartSimulatorOptions } from './server/startSimulator';
export { renderKubeconfig, writeKubeconfig } from './server/kubeconfig';
export type { KubeconfigCluster } from './server/kubeconfig';
export { SimulatedClock } from './server/clock';
export { ClusterFaultController } from './server/faults';
export { InMemoryClusterStore } from './apiserver/clusterStore';
export type { ClusterStoreOptions, DeleteOptions } from './apiserver/clusterStore';
export { StatusError } from './apiserver/errors';
export type { KubeStatus, StatusCause, StatusDetails } from './apiserver/errors';
export { parseQuantity, formatQuantity, canonicalQuantity } from './apiserver/quantity';
export type { Quantity, QuantityFormat } from './apiserver/quantity';
export { loadScenario } from './scenario';
export type * from './types';
export { main as runKubeSimulatorCli } from './cli';
