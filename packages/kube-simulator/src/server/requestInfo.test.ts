import { parseRequestInfo } from './requestInfo';

const q = (s = '') => new URLSearchParams(s);

describe('parseRequestInfo', () => {
  it.each([
    ['GET', '/api/v1/namespaces/team-a/pods', '', { verb: 'list', apiGroup: '', apiVersion: 'v1', namespace: 'team-a', resource: 'pods' }],
    ['GET', '/api/v1/pods', 'watch=true', { verb: 'watch', resource: 'pods' }],
    ['GET', '/api/v1/watch/namespaces/x/pods', '', { verb: 'watch', namespace: 'x', resource: 'pods' }],
    ['GET', '/api/v1/namespaces/x/pods/p/log', '', { verb: 'get', name: 'p', subresource: 'log' }],
    ['GET', '/api/v1/namespaces/x', '', { verb: 'get', resource: 'namespaces', name: 'x', namespace: 'x' }],
    ['PUT', '/api/v1/namespaces/x/finalize', '', { verb: 'update', resource: 'namespaces', name: 'x', subresource: 'finalize' }],
    ['PATCH', '/apis/apps/v1/namespaces/x/deployments/d/scale', '', { verb: 'patch', apiGroup: 'apps', resource: 'deployments', name: 'd', subresource: 'scale' }],
    ['DELETE', '/apis/velero.io/v1/namespaces/velero/backups', '', { verb: 'deletecollection', apiGroup: 'velero.io', resource: 'backups' }],
    ['POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', '', { verb: 'create', resource: 'selfsubjectaccessreviews' }],
  ])('%s %s?%s', (method, path, query, expected) => {
    expect(parseRequestInfo(method, path, q(query))).toMatchObject({ resourceRequest: true, ...expected });
  });

  it('treats discovery and other paths as non-resource requests', () => {
    for (const path of ['/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/version', '/openapi/v2']) {
      expect(parseRequestInfo('GET', path, q()).resourceRequest).toBe(false);
    }
  });
});
