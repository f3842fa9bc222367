import type { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterWatcher, DEFAULT_WATCHER_OPTIONS, type ClusterWatcherOptions } from './ClusterWatcher';
import type { ClusterConnection, ClusterLocator, ClusterSnapshot, WatchedType } from './types';

/**
 * The in-memory index of every cluster's trimmed objects, kept current by one
 * {@link ClusterWatcher} per cluster. Every read endpoint is served from here: page views never
 * wait on a cluster.
 */
export class FleetIndex {
  private readonly watchers = new Map<string, ClusterWatcher>();
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    private readonly locator: ClusterLocator,
    private readonly types: WatchedType[],
    private readonly logger: LoggerService,
    private readonly options: ClusterWatcherOptions & { relocateIntervalMs: number } = {
      ...DEFAULT_WATCHER_OPTIONS,
      relocateIntervalMs: 60_000,
    },
  ) {}

  /** Locates the clusters and starts watching them; re-locates periodically (catalog locators change). */
  async start(): Promise<void> {
    await this.relocate();
    this.refreshTimer = setInterval(() => {
      this.relocate().catch(error => this.logger.warn(`locating clusters failed: ${error}`));
    }, this.options.relocateIntervalMs);
    this.refreshTimer.unref?.();
  }

  /** Stops every watcher. */
  stop(): void {
    clearInterval(this.refreshTimer);
    for (const watcher of this.watchers.values()) watcher.stop();
    this.watchers.clear();
  }

  /** Snapshots of every cluster, by name. */
  clusters(): ClusterSnapshot[] {
    return [...this.watchers.values()]
      .map(watcher => watcher.snapshot())
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One cluster's snapshot, or undefined when no such cluster is configured. */
  cluster(name: string): ClusterSnapshot | undefined {
    return this.watchers.get(name)?.snapshot();
  }

  /** How to reach a configured cluster (for features that write to it), or undefined. */
  connection(name: string): ClusterConnection | undefined {
    return this.watchers.get(name)?.connection;
  }

  private async relocate(): Promise<void> {
    const connections = await this.locator.getClusters();
    const wanted = new Map(connections.map(c => [c.name, c]));
    for (const [name, watcher] of this.watchers) {
      const next = wanted.get(name);
      if (!next || JSON.stringify(next) !== JSON.stringify(watcher.connection)) {
        watcher.stop();
        this.watchers.delete(name);
      }
    }
    for (const connection of connections) {
      if (this.watchers.has(connection.name)) continue;
      const watcher = new ClusterWatcher(connection, this.types, this.logger, this.options);
      this.watchers.set(connection.name, watcher);
      watcher.start();
      this.logger.info(`indexing cluster ${connection.name} at ${connection.url}`);
    }
  }
}
