import { Route, Routes } from 'react-router-dom';
import { BackupsPage } from '../BackupsPage/BackupsPage';
import { ClusterBackupsPage } from '../BackupsPage/ClusterBackupsPage';
import { ClusterPage } from '../ClusterPage/ClusterPage';
import { CostsPage } from '../CostsPage/CostsPage';
import { FederationPage } from '../FederationPage/FederationPage';
import { FleetPage } from '../FleetPage/FleetPage';
import { OwnershipPage } from '../OwnershipPage/OwnershipPage';
import { TenantPage } from '../TenantPage/TenantPage';
import { TenantsPage } from '../TenantsPage/TenantsPage';

/** The routes under the Kubeyard page (/kubeyard by default). */
export function KubeyardRouter() {
  return (
    <Routes>
      <Route path="/" element={<FleetPage />} />
      <Route path="/clusters/:name" element={<ClusterPage />} />
      <Route path="/federation" element={<FederationPage />} />
      <Route path="/tenants" element={<TenantsPage />} />
      <Route path="/tenants/:name" element={<TenantPage />} />
      <Route path="/ownership" element={<OwnershipPage />} />
      <Route path="/backups" element={<BackupsPage />} />
      <Route path="/backups/:cluster" element={<ClusterBackupsPage />} />
      <Route path="/costs" element={<CostsPage />} />
    </Routes>
  );
}
