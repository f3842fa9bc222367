/*
 * HTTP plumbing shared by the handlers: JSON and Status responses, request bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, KubeStatus, StatusError, toStatusError } from '../apiserver/errors';

/** Bodies larger than this are refused (the real limit is 3 MiB per object; lists of them add up). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Sends a JSON document. */
export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

/** Sends a pre-serialized JSON document. */
export function sendJsonText(res: ServerResponse, code: number, text: string, contentType = 'application/json'): void {
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

/** Sends a Kubernetes Status. */
export function sendStatus(res: ServerResponse, status: KubeStatus): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code, status);
}

/** Sends any thrown error as a Status (500 InternalError for what is not a StatusError). */
export function sendError(res: ServerResponse, err: unknown): void {
  const statusError = toStatusError(err);
  if (statusError.code >= 500 && !(err instanceof StatusError)) {
    // eslint-disable-next-line no-console
    console.error('kube-simulator: internal error', err);
  }
  sendStatus(res, statusError.status);
}

/** Reads the raw request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new StatusError({ ...badRequest('request body too large').status, code: 413, reason: 'RequestEntityTooLarge' }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Decodes a JSON (or YAML) request body; empty bodies decode to undefined. */
export function decodeBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.includes('protobuf')) throw badRequest('protobuf request bodies are not supported by the simulator; send application/json');
  try {
    return contentType?.includes('yaml') ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
  }
}
