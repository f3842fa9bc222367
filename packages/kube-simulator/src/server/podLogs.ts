/*
 * pods/log: plausible, deterministic log lines for a running container (one line every 15
 * simulated seconds since it started), with container selection, tailLines, sinceSeconds,
 * timestamps and follow as the kubelet would serve them.
 */
import type { ServerResponse } from 'node:http';
import { badRequest } from '../apiserver/errors';
import type { KubeObject } from '../types';

type Json = Record<string, any>;

const LINE_INTERVAL_MS = 15_000;
const MAX_LINES = 2_000;
const MESSAGES = [
  'GET /healthz 200 0.4ms',
  'GET /api/v1/items 200 12.3ms',
  'POST /api/v1/orders 201 48.1ms',
  'cache refreshed (entries=%n)',
  'GET /metrics 200 2.1ms',
  'background job completed in %nms',
  'connection pool: active=%n idle=4',
  'GET /api/v1/items/%n 200 7.9ms',
];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function line(pod: KubeObject, container: string, at: number): string {
  const h = hash(`${pod.metadata.uid}/${container}/${at}`);
  const message = MESSAGES[h % MESSAGES.length].replace('%n', String((h >>> 8) % 500));
  const level = h % 53 === 0 ? 'WARN' : 'INFO';
  return `${new Date(at).toISOString()} ${level} [${container}] ${message}`;
}

/** Picks the container a log request is about, with the kubelet's errors. */
export function selectContainer(pod: KubeObject, requested: string | null): string {
  const spec = (pod.spec ?? {}) as Json;
  const names = [...((spec.initContainers ?? []) as Json[]), ...((spec.containers ?? []) as Json[])].map(c => c.name as string);
  const main = ((spec.containers ?? []) as Json[]).map(c => c.name as string);
  if (requested) {
    if (!names.includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    return requested;
  }
  if (main.length === 1) return main[0];
  throw badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${main.join(' ')}]`);
}

/** The log text of one container up to `now`. */
export function podLogLines(pod: KubeObject, container: string, now: Date, query: URLSearchParams): string[] {
  const status = (pod.status ?? {}) as Json;
  if (status.phase === 'Pending' || !status.phase) {
    throw badRequest(`container "${container}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating`);
  }
  const started = Date.parse(status.startTime ?? pod.metadata.creationTimestamp ?? now.toISOString());
  const sinceSeconds = Number(query.get('sinceSeconds'));
  const sinceTime = query.get('sinceTime') ? Date.parse(query.get('sinceTime')!) : NaN;
  let from = started;
  if (sinceSeconds > 0) from = Math.max(from, now.getTime() - sinceSeconds * 1000);
  if (!Number.isNaN(sinceTime)) from = Math.max(from, sinceTime);
  const first = Math.ceil(from / LINE_INTERVAL_MS) * LINE_INTERVAL_MS;
  const count = Math.max(0, Math.floor((now.getTime() - first) / LINE_INTERVAL_MS) + 1);
  const tail = query.get('tailLines') !== null ? Math.max(0, Number(query.get('tailLines'))) : MAX_LINES;
  const n = Math.min(count, tail, MAX_LINES);
  const withTimestamps = query.get('timestamps') === 'true';
  const lines: string[] = [];
  for (let i = count - n; i < count; i++) {
    const at = first + i * LINE_INTERVAL_MS;
    const text = line(pod, container, at);
    lines.push(withTimestamps ? `${new Date(at).toISOString()} ${text}` : text);
  }
  return lines;
}

/** Writes the log, and with follow=true keeps appending a line every few real seconds. */
export function servePodLog(res: ServerResponse, pod: KubeObject, now: () => Date, query: URLSearchParams): void {
  const container = selectContainer(pod, query.get('container'));
  const lines = podLogLines(pod, container, now(), query);
  const follow = query.get('follow') === 'true';
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', ...(follow ? { 'Transfer-Encoding': 'chunked' } : {}) });
  res.write(lines.map(l => `${l}\n`).join(''));
  if (!follow) {
    res.end();
    return;
  }
  let tick = 0;
  const timer = setInterval(() => {
    tick++;
    res.write(`${line(pod, container, now().getTime() + tick)}\n`);
  }, 2_000);
  res.on('close', () => clearInterval(timer));
}
