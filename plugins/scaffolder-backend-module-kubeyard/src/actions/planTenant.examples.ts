import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of kubeyard:tenant:plan, shown in the template editor and run by the tests. */
export const examples: TemplateExample[] = [
  {
    description: 'Plan a namespace tenant on two clusters, picked in the catalog',
    example: `steps:
  - id: plan
    name: Plan the tenant
    action: kubeyard:tenant:plan
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
      podSecurity: restricted
      network:
        internetEgress: true
        allowedNamespaces:
          - namespace: database
            ports:
              - port: 5432
      admins:
        - group:default/team-payments
      developers:
        - user:default/alice
      viewers:
        - group:default/finance
      monthlyBudget:
        amount: 2500
        currency: EUR
      backupTier: 2
`,
  },
  {
    description: 'Plan a small development tenant by cluster name, with quota overrides',
    example: `steps:
  - id: plan
    name: Plan the tenant
    action: kubeyard:tenant:plan
    input:
      name: search-dev
      displayName: Search development
      owner: group:default/team-search
      clusters: [prod-eu]
      environment: development
      costCenter: cc-2002
      contact: search@example.com
      tier:
        preset: xs
        quotaOverrides:
          pods: 40
          requests.storage: 80Gi
`,
  },
];
