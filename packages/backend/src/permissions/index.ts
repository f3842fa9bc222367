export { KubeyardPermissionPolicy } from './KubeyardPermissionPolicy';
export type { KubeyardPermissionPolicyOptions } from './KubeyardPermissionPolicy';
export { permissionPolicyModule } from './permissionPolicyModule';
