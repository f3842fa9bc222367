import type { Entity } from '@backstage/catalog-model';
import type { NamespaceInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import { costGroupOf } from './costCatalog';
import { attributeNamespaces } from './namespaceAttribution';

const LONG = `cc-${'x'.repeat(70)}`;

const namespace = (name: string, labels: Record<string, string>) => ({ name, labels }) as unknown as NamespaceInfo;
const groupEntity = (name: string, costCenter: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations: { 'kubeyard.io/cost-center': costCenter } },
  spec: { type: 'team', children: [] },
});

describe('cost attribution', () => {
  it('ignores a Group cost center that is not a label value, and says so', () => {
    const problems: string[] = [];
    expect(costGroupOf(groupEntity('team-a', LONG), m => problems.push(m)).costCenter).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^ignoring the kubeyard.io\/cost-center annotation of group:default\/team-a: ".*" is 73 characters/)]);
    expect(costGroupOf(groupEntity('team-b', 'cc-1001')).costCenter).toBe('cc-1001');
  });

  it('falls back past a bad Group cost center and leaves out values the cost tables cannot hold', () => {
    const problems: string[] = [];
    const owner = `group:default/${'t'.repeat(260)}`;
    const groups = new Map([['group:default/team-a', costGroupOf(groupEntity('team-a', LONG))]]);
    const tenants = new Map([
      ['pay', { name: 'pay', owner: 'group:default/team-a', costCenter: 'cc-pay' }],
      ['huge', { name: 'huge', owner, costCenter: 'cc-huge' }],
    ]);
    const result = attributeNamespaces(
      [namespace('pay-prod', { 'kubeyard.io/tenant': 'pay' }), namespace('huge-prod', { 'kubeyard.io/tenant': 'huge' })],
      tenants,
      groups,
      m => problems.push(m),
    );
    expect(result.get('pay-prod')).toEqual({ tenant: 'pay', owner: 'group:default/team-a', costCenter: 'cc-pay' });
    expect(result.get('huge-prod')).toEqual({ tenant: 'huge', costCenter: 'cc-huge' });
    expect(problems).toEqual([expect.stringMatching(/^namespace huge-prod: owner left out: .* is 274 characters; owners are kept up to 255$/)]);
  });

  it('decodes the owner label as the ownership findings do', () => {
    const result = attributeNamespaces([namespace('legacy', { 'kubeyard.io/owner': 'group.default.team-a', 'kubeyard.io/cost-center': 'cc-9' })], new Map(), new Map());
    expect(result.get('legacy')).toEqual({ owner: 'group:default/team-a', costCenter: 'cc-9' });
  });
});
