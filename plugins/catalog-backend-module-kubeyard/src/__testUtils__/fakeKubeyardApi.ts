/*
 * Test double of the kubeyard-backend endpoints the provider reads (GET /clusters, /tenants,
 * /tenants/:name), served over HTTP so the real KubeyardClient is exercised. Tests change
 * `state` between calls to simulate tenants appearing, changing and going away.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClusterSummary, KubeyardDiscovery, TenantDetail, TenantSummary } from '@kubeyard/backstage-plugin-kubeyard-common';

/** What the fake serves. */
export interface FakeKubeyardApiState {
  clusters: ClusterSummary[];
  tenants: TenantDetail[];
  /** Answer every request with a 503. */
  unavailable?: boolean;
  /** Tenants GET /tenants lists but GET /tenants/:name no longer finds (removed in between). */
  vanishing?: string[];
}

/** A running fake. */
export interface FakeKubeyardApi {
  state: FakeKubeyardApiState;
  discovery: KubeyardDiscovery;
  baseUrl: string;
  requests: Array<{ path: string; authorization?: string }>;
  close(): Promise<void>;
}

function summaryOf({ spec: _spec, clusterStatus: _status, findings: _findings, history: _history, ...summary }: TenantDetail): TenantSummary {
  return summary;
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeKubeyardApi(state: FakeKubeyardApiState): Promise<FakeKubeyardApi> {
  const requests: FakeKubeyardApi['requests'] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    requests.push({ path, authorization: req.headers.authorization });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, name: string, message: string) =>
      send(status, { error: { name, message }, response: { statusCode: status } });
    if (state.unavailable) return error(503, 'ServiceUnavailableError', 'kubeyard-backend is starting');
    if (path === '/api/kubeyard/clusters') return send(200, { clusters: state.clusters });
    if (path === '/api/kubeyard/tenants') return send(200, { tenants: state.tenants.map(summaryOf) });
    const name = /^\/api\/kubeyard\/tenants\/([^/]+)$/.exec(path)?.[1];
    const tenant = state.tenants.find(t => t.name === (name && decodeURIComponent(name)));
    if (tenant && !state.vanishing?.includes(tenant.name)) return send(200, tenant);
    return error(404, 'NotFoundError', `no tenant at ${path}`);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    state,
    baseUrl,
    discovery: { getBaseUrl: async pluginId => `${baseUrl}/api/${pluginId}` },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        // Keep-alive sockets of fetch would hold the server open for seconds.
        server.closeAllConnections();
      }),
  };
}
