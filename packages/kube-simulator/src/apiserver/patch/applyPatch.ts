/*
 * Applies a non-apply PATCH body to a live object: JSON patch (RFC 6902), JSON merge patch
 * (RFC 7386) or strategic merge patch. Server-side apply lives in ../apply.
 */
import { applyPatch as applyJsonPatch, Operation } from 'fast-json-patch';
import type { KubeObject, PatchType } from '../../types';
import { badRequest, failureStatus, StatusError, unsupportedMediaType } from '../errors';
import { applyMergePatch } from './mergePatch';
import { applyStrategicMergePatch } from './strategicMergePatch';

/** Parses a PATCH body given as text or an already-decoded value. */
export function decodePatchBody(body: unknown): unknown {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
  try {
    return JSON.parse(String(body));
  } catch (err) {
    throw badRequest(`error decoding patch: ${(err as Error).message}`);
  }
}

function unprocessable(why: string): StatusError {
  return new StatusError(
    failureStatus(422, 'Invalid', `the server rejected our request due to an error in our request: ${why}`, {
      causes: [{ reason: 'UnexpectedServerResponse', message: why }],
    }),
  );
}

/**
 * Returns the patched copy of `live`. `builtin` is false for custom resources, which (as in
 * the real API server) do not accept strategic merge patches.
 */
export function patchObject(live: KubeObject, patchType: PatchType, body: unknown, builtin: boolean): KubeObject {
  const patch = decodePatchBody(body);
  switch (patchType) {
    case 'application/json-patch+json': {
      if (!Array.isArray(patch)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
      try {
        return applyJsonPatch(structuredClone(live), patch as Operation[], true, true).newDocument as KubeObject;
      } catch (err) {
        throw unprocessable((err as Error).message.split('\n')[0]);
      }
    }
    case 'application/merge-patch+json':
      if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw badRequest('merge patch must be a JSON object');
      return applyMergePatch(live, patch) as KubeObject;
    case 'application/strategic-merge-patch+json':
      if (!builtin) throw unsupportedMediaType(patchType);
      return applyStrategicMergePatch(live as Record<string, unknown>, patch) as KubeObject;
    default:
      throw unsupportedMediaType(patchType);
  }
}
