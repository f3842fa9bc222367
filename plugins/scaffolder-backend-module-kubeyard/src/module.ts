import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createApplyTenantAction,
  createBackupNowAction,
  createPlanTenantAction,
  createRestoreDrillAction,
  createScheduleBackupAction,
  createVerifyTenantAction,
} from './actions';

/** Registers the kubeyard:tenant:plan, :apply, :verify and kubeyard:backup:schedule, :now, :restore-drill template actions with the scaffolder. */
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
          createScheduleBackupAction({ auth, discovery }),
          createBackupNowAction({ auth, discovery }),
          createRestoreDrillAction({ auth, discovery }),
        );
      },
    });
  },
});
