/*
 * One simulated cluster as served over HTTP under /clusters/NAME: authentication,
 * impersonation, then resource or non-resource handling, with every error as a Status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InMemoryClusterStore } from '../apiserver/clusterStore';
import { impersonate, TokenAuthenticator } from './authentication';
import { handleNonResource } from './nonResourceHandler';
import { parseRequestInfo } from './requestInfo';
import { handleResourceRequest } from './resourceHandler';
import { sendError } from './responses';

/** Settings of one served cluster. */
export interface ClusterEndpointOptions {
  name: string;
  store: InMemoryClusterStore;
  authenticator: TokenAuthenticator;
  kubernetesVersion: string;
  now: () => Date;
  serverAddress: () => string;
  bookmarkIntervalMs: number;
}

/** The HTTP face of one cluster. */
export class ClusterEndpoint {
  constructor(readonly options: ClusterEndpointOptions) {}

  get store(): InMemoryClusterStore {
    return this.options.store;
  }

  /** Serves `path` (relative to /clusters/NAME). */
  async handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const o = this.options;
    // Like a real API server, answer with the cluster's own clock (here the simulated one).
    res.setHeader('Date', o.now().toUTCString());
    try {
      const user = impersonate(req, o.authenticator.authenticate(req), o.store.authorizer);
      const info = parseRequestInfo(req.method ?? 'GET', path, query);
      if (info.resourceRequest) {
        await handleResourceRequest(req, res, info, query, user, { store: o.store, now: o.now, bookmarkIntervalMs: o.bookmarkIntervalMs });
      } else {
        handleNonResource(req, res, path, user, { store: o.store, kubernetesVersion: o.kubernetesVersion, serverAddress: o.serverAddress });
      }
    } catch (err) {
      sendError(res, err);
    }
  }
}
