import { Route, Routes } from 'react-router-dom';
import { ClusterPage } from '../ClusterPage/ClusterPage';
import { FederationPage } from '../FederationPage/FederationPage';
import { FleetPage } from '../FleetPage/FleetPage';

/** The routes under the Kubeyard page (/kubeyard by default). */
export function KubeyardRouter() {
  return (
    <Routes>
      <Route path="/" element={<FleetPage />} />
      <Route path="/clusters/:name" element={<ClusterPage />} />
      <Route path="/federation" element={<FederationPage />} />
    </Routes>
  );
}
