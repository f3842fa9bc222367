import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of kubeyard:tenant:apply, shown in the template editor and run by the tests. */
export const examples: TemplateExample[] = [
  {
    description: 'Apply the tenant the template asked for, with the cluster refs of the picker',
    example: `steps:
  - id: apply
    name: Apply the tenant
    action: kubeyard:tenant:apply
    input:
      name: payments-prod
      displayName: Payments production
      owner: group:default/team-payments
      clusters:
        - resource:default/prod-eu
        - resource:default/prod-us
      environment: production
      costCenter: cc-1001
      contact: payments@example.com
      tier:
        preset: m
      admins:
        - group:default/team-payments
      developers:
        - user:default/alice
`,
  },
  {
    description: 'Apply a virtual cluster tenant and give up following it after 10 minutes',
    example: `steps:
  - id: apply
    name: Apply the tenant
    action: kubeyard:tenant:apply
    input:
      name: ml-sandbox
      displayName: ML sandbox
      owner: group:default/team-ml
      clusters: [prod-eu]
      environment: development
      costCenter: cc-3003
      contact: ml@example.com
      isolation: vcluster
      vcluster:
        k8sVersion: 1.29.3
        nodes: 3
      timeoutMinutes: 10
`,
  },
];
