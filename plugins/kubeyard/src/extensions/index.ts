export { entityClustersContent } from './entityClustersContent';
export { kubeyardApi } from './kubeyardApi';
export { kubeyardPage } from './kubeyardPage';
