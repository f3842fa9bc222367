import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createApplyTenantAction, createPlanTenantAction, createVerifyTenantAction } from './actions';

/** Registers the kubeyard:tenant:plan, :apply and :verify template actions with the scaffolder. */
export const kubeyardScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kubeyard',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ scaffolder, auth, discovery }) {
        scaffolder.addActions(
          createPlanTenantAction({ auth, discovery }),
          createApplyTenantAction({ auth, discovery }),
          createVerifyTenantAction({ auth, discovery }),
        );
      },
    });
  },
});
