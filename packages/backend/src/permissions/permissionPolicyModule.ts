import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { KubeyardPermissionPolicy } from './KubeyardPermissionPolicy';

/**
 * Installs {@link KubeyardPermissionPolicy}. The platform groups come from
 * `kubeyard.platformGroups` (default `group:default/platform-team`).
 */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'kubeyard-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        const platformGroups = config.getOptionalStringArray(
          'kubeyard.platformGroups',
        ) ?? ['group:default/platform-team'];
        policy.setPolicy(new KubeyardPermissionPolicy({ platformGroups }));
      },
    });
  },
});
