/**
 * Kubeyard template actions: kubeyard:tenant:plan, :apply and :verify, and
 * kubeyard:backup:schedule, :now and :restore-drill, calling kubeyard-backend with the task
 * initiator's credentials.
 *
 * @packageDocumentation
 */
export { kubeyardScaffolderModule as default } from './module';
export * from './actions';
export type { KubeyardActionServices } from './tenants/initiatorClient';
