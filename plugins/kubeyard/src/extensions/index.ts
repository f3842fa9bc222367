export { entityBackupsCard } from './entityBackupsCard';
export { entityClustersContent } from './entityClustersContent';
export { entityCostsCard } from './entityCostsCard';
export { entityGroupTenantsCard } from './entityGroupTenantsCard';
export { entityTenantCard } from './entityTenantCard';
export { kubeyardApi } from './kubeyardApi';
export { kubeyardPage } from './kubeyardPage';
export { clusterPickerFormField } from './clusterPickerField';
