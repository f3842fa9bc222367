/*
 * A watch response: newline-delimited JSON events (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR)
 * on a chunked 200 response, honouring resourceVersion, allowWatchBookmarks,
 * sendInitialEvents, timeoutSeconds and Table output for `kubectl get -w`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InMemoryClusterStore } from '../apiserver/clusterStore';
import type { Printer } from '../apiserver/table/printers';
import { IncludeObject, toTable } from '../apiserver/table/tableConvertor';
import { groupVersion } from '../apiserver/typeRegistry';
import type { ResourceType, WatchEvent } from '../types';

/** How a watch is served. */
export interface WatchStreamOptions {
  table?: { printer: Printer; include: IncludeObject };
  bookmarkIntervalMs: number;
  now: () => Date;
  /** Called when the stream ends, for bookkeeping of open watches. */
  onClose?: () => void;
}

// Like the real watch cache (CachingObject), serialize each object once however many watchers
// receive it; the entry lives exactly as long as that object version does.
const serialized = new WeakMap<object, string>();

function objectJson(obj: object): string {
  let json = serialized.get(obj);
  if (json === undefined) {
    json = JSON.stringify(obj);
    serialized.set(obj, json);
  }
  return json;
}

/** Without timeoutSeconds the real server picks 30–60 minutes; the simulator uses 30. */
const DEFAULT_TIMEOUT_SECONDS = 1800;

/** Starts streaming; validation errors throw before any byte is written. */
export function serveWatch(
  req: IncomingMessage,
  res: ServerResponse,
  store: InMemoryClusterStore,
  t: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
  options: WatchStreamOptions,
): void {
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  const sendInitialEvents = query.get('sendInitialEvents') === 'true';
  const bookmark = (annotations?: Record<string, string>): WatchEvent => ({
    type: 'BOOKMARK',
    object: {
      kind: t.kind,
      apiVersion: groupVersion(t.group, t.version),
      metadata: { resourceVersion: store.currentResourceVersion(), ...(annotations ? { annotations } : {}) },
    },
  });
  let ended = false;
  let stop: () => void = () => undefined;
  const timers: { bookmark?: NodeJS.Timeout; timeout?: NodeJS.Timeout } = {};
  const end = () => {
    if (ended) return;
    ended = true;
    stop();
    clearInterval(timers.bookmark);
    clearTimeout(timers.timeout);
    res.end();
    options.onClose?.();
  };
  const write = (event: WatchEvent) => {
    if (ended) return;
    if (options.table && event.type === 'BOOKMARK') return;
    if (options.table && event.type !== 'ERROR') {
      const table = toTable(options.table.printer, [event.object], { now: options.now(), include: options.table.include });
      res.write(`${JSON.stringify({ type: event.type, object: table })}\n`);
    } else {
      res.write(`{"type":"${event.type}","object":${objectJson(event.object)}}\n`);
    }
    if (event.type === 'ERROR') end();
  };
  stop = store.watchRaw(
    t,
    namespace,
    {
      resourceVersion: query.get('resourceVersion') ?? undefined,
      labelSelector: query.get('labelSelector') ?? undefined,
      fieldSelector: query.get('fieldSelector') ?? undefined,
      sendInitialEvents,
    },
    write,
    sendInitialEvents && bookmarks ? () => bookmark({ 'k8s.io/initial-events-end': 'true' }) : undefined,
  );
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  if (bookmarks) timers.bookmark = setInterval(() => write(bookmark()), options.bookmarkIntervalMs);
  const timeoutSeconds = Number(query.get('timeoutSeconds')) || DEFAULT_TIMEOUT_SECONDS;
  timers.timeout = setTimeout(end, timeoutSeconds * 1000);
  req.on('close', end);
  res.on('close', end);
}
