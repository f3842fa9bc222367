/**
 * Kubeyard template actions: kubeyard:tenant:plan, kubeyard:tenant:apply and
 * kubeyard:tenant:verify, calling kubeyard-backend with the task initiator's credentials.
 *
 * @packageDocumentation
 */
export { kubeyardScaffolderModule as default } from './module';
export * from './actions';
export type { KubeyardActionServices } from './tenants/initiatorClient';
