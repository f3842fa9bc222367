/*
 * A kubeconfig with one context per simulated cluster, so
 * `kubectl --kubeconfig PATH --context NAME get pods -A` works against the simulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** One cluster entry of the kubeconfig. */
export interface KubeconfigCluster {
  name: string;
  url: string;
  token: string;
  /** PEM of the CA that signed the server certificate (https:// URLs). */
  certificateAuthority?: string;
}

/** The kubeconfig document (YAML) for the given clusters; the first is the current context. */
export function renderKubeconfig(clusters: KubeconfigCluster[]): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': clusters[0]?.name ?? '',
    clusters: clusters.map(c => ({
      name: c.name,
      cluster: {
        server: c.url,
        ...(c.certificateAuthority ? { 'certificate-authority-data': Buffer.from(c.certificateAuthority).toString('base64') } : {}),
      },
    })),
    users: clusters.map(c => ({ name: `${c.name}-admin`, user: { token: c.token } })),
    contexts: clusters.map(c => ({ name: c.name, context: { cluster: c.name, user: `${c.name}-admin`, namespace: 'default' } })),
  });
}

/** Writes the kubeconfig (mode 0600: it holds tokens). */
export function writeKubeconfig(file: string, clusters: KubeconfigCluster[]): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, renderKubeconfig(clusters), { mode: 0o600 });
}
