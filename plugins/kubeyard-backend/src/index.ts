/**
 * Kubeyard backend plugin: fleet index, cluster, workload and federation views.
 *
 * @packageDocumentation
 */
export { kubeyardPlugin as default } from './service/plugin';
export * from './fleet';
