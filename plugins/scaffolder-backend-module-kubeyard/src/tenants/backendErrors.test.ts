import { ConflictError, InputError, NotAllowedError, NotFoundError, ResponseError } from '@backstage/errors';
import { toActionError } from './backendErrors';

async function responseError(status: number, body: unknown, contentType = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return ResponseError.fromResponse(new Response(text, { status, headers: { 'content-type': contentType } }));
}

describe('toActionError', () => {
  it.each([
    [403, NotAllowedError],
    [404, NotFoundError],
    [409, ConflictError],
    [400, InputError],
  ])('maps %i to %p with the backend message', async (status, type) => {
    const error = toActionError(await responseError(status, { error: { name: 'X', message: 'tenant payments is busy' }, response: { statusCode: status } }));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toBe('tenant payments is busy');
  });

  it('lists field errors, with or without a Backstage error body', async () => {
    const fields = [
      { field: 'name', message: '"default" is reserved' },
      { field: '', message: 'spec problem' },
    ];
    for (const body of [
      { error: { name: 'InputError', message: 'invalid' }, fields },
      { error: { name: 'InputError', message: 'invalid' }, fields, response: { statusCode: 400 } },
    ]) {
      expect(toActionError(await responseError(400, body)).message).toBe('invalid\n- name: "default" is reserved\n- (spec): spec problem');
    }
  });

  it('does not repeat fields the backend message already spells out', async () => {
    const fields = [
      { field: 'clusters.0', message: 'unknown cluster "nowhere"; known clusters: prod-eu' },
      { field: 'name', message: 'is reserved' },
    ];
    const message = 'the tenant request is not valid: clusters.0: unknown cluster "nowhere"; known clusters: prod-eu; name: is reserved';
    const error = toActionError(await responseError(400, { error: { name: 'InputError', message }, fields }));
    expect(error.message).toBe(
      'the tenant request is not valid\n- clusters.0: unknown cluster "nowhere"; known clusters: prod-eu\n- name: is reserved',
    );
  });

  it('keeps a text body as the message', async () => {
    const error = toActionError(await responseError(502, 'bad gateway', 'text/plain'));
    expect(error.message).toBe('kubeyard-backend answered 502: bad gateway');
  });

  it('passes other errors through', () => {
    const original = new TypeError('fetch failed');
    expect(toActionError(original)).toBe(original);
  });
});
