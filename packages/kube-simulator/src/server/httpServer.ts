/*
 * The one server of a simulator process: /clusters/NAME/... goes to that cluster (after its
 * faults), /_admin/... to the admin endpoint (loopback only), anything else is a 404. One
 * port speaks both plain HTTP and HTTPS (told apart by the first byte, a TLS handshake is
 * 0x16): client-node is happy with http://, kubectl only sends tokens over https://.
 */
import http, { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import net, { AddressInfo, Socket } from 'node:net';
import type { TlsMaterial } from './selfSignedCertificate';
import { failureStatus } from '../apiserver/errors';
import type { ClusterEndpoint } from './clusterEndpoint';
import type { ClusterFaultController } from './faults';
import { sendError, sendStatus } from './responses';

/** Routes the server needs. */
export interface HttpRoutes {
  cluster(name: string): ClusterEndpoint | undefined;
  faults: ClusterFaultController;
  admin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

const CLUSTER_PATH = /^\/clusters\/([^/]+)(\/.*)?$/;

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** The simulator's HTTP(S) server. */
export class SimulatorHttpServer {
  private readonly listener: net.Server;
  private readonly http: http.Server;
  private readonly https: https.Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly routes: HttpRoutes, tls: TlsMaterial) {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      this.route(req, res).catch(err => sendError(res, err));
    };
    this.http = http.createServer(handler);
    this.https = https.createServer({ key: tls.key, cert: tls.cert }, handler);
    for (const s of [this.http, this.https]) s.keepAliveTimeout = 65_000;
    this.listener = net.createServer(socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.once('data', first => {
        socket.pause();
        socket.unshift(first);
        (first[0] === 0x16 ? this.https : this.http).emit('connection', socket);
        process.nextTick(() => socket.resume());
      });
      socket.on('error', () => socket.destroy());
    });
  }

  /** Listens; resolves with the bound port. */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.listener.once('error', reject);
      this.listener.listen(port, host, () => {
        this.listener.off('error', reject);
        resolve((this.listener.address() as AddressInfo).port);
      });
    });
  }

  /** Closes the server and every open connection (watches included). */
  close(): Promise<void> {
    return new Promise(resolve => {
      this.listener.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = CLUSTER_PATH.exec(url.pathname);
    if (m) {
      const name = decodeURIComponent(m[1]);
      const path = m[2] ?? '/';
      const endpoint = this.routes.cluster(name);
      if (!endpoint) {
        sendStatus(res, failureStatus(404, 'NotFound', `cluster "${name}" is not served by this simulator`, {}));
        return;
      }
      if (await this.routes.faults.apply(name, path, req, res)) return;
      await endpoint.handle(req, res, path, url.searchParams);
      return;
    }
    if (url.pathname === '/_admin' || url.pathname.startsWith('/_admin/')) {
      if (!isLoopback(req.socket.remoteAddress)) {
        sendStatus(res, failureStatus(403, 'Forbidden', 'the admin endpoint only answers loopback clients', {}));
        return;
      }
      await this.routes.admin(req, res, url.pathname);
      return;
    }
    sendStatus(res, failureStatus(404, 'NotFound', 'the server could not find the requested resource; clusters are served under /clusters/NAME', {}));
  }
}
