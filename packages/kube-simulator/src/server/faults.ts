/*
 * Fault injection per cluster: extra latency, a fixed error status, or a cluster that does not
 * answer. Faults apply before authentication, like a network or load-balancer failure would,
 * and may be limited to paths matching a pattern and to the next N requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusForCode } from '../apiserver/errors';
import type { ClusterFaults, FaultController } from '../types';
import { sendStatus } from './responses';

/** How long a "down" cluster holds a connection before destroying it, unless latencyMs says otherwise. */
export const DOWN_HOLD_MS = 5_000;

/** The FaultController implementation. */
export class ClusterFaultController implements FaultController {
  private readonly faults = new Map<string, ClusterFaults>();

  set(cluster: string, faults: ClusterFaults): void {
    if (faults.pathPattern !== undefined) RegExp(faults.pathPattern); // fails fast on a bad pattern
    this.faults.set(cluster, { ...faults });
  }

  clear(cluster?: string): void {
    if (cluster === undefined) this.faults.clear();
    else this.faults.delete(cluster);
  }

  get(cluster: string): ClusterFaults | undefined {
    const f = this.faults.get(cluster);
    return f ? { ...f } : undefined;
  }

  /** Faults that apply to this request, consuming one of `count` when limited. */
  private take(cluster: string, path: string): ClusterFaults | undefined {
    const f = this.faults.get(cluster);
    if (!f) return undefined;
    if (f.pathPattern !== undefined && !new RegExp(f.pathPattern).test(path)) return undefined;
    if (f.count !== undefined) {
      if (f.count <= 0) {
        this.faults.delete(cluster);
        return undefined;
      }
      f.count -= 1;
      if (f.count === 0) this.faults.delete(cluster);
    }
    return { ...f };
  }

  /**
   * Applies the cluster's faults to a request. Resolves true when the fault answered (or
   * swallowed) the request, false when it should proceed (possibly after added latency).
   */
  async apply(cluster: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const f = this.take(cluster, path);
    if (!f) return false;
    if (f.down) {
      const hold = f.latencyMs ?? DOWN_HOLD_MS;
      setTimeout(() => {
        req.socket.destroy();
      }, hold).unref();
      return true;
    }
    if (f.latencyMs) await new Promise(resolve => setTimeout(resolve, f.latencyMs));
    if (f.errorStatus) {
      sendStatus(res, statusForCode(f.errorStatus));
      return true;
    }
    return false;
  }
}
