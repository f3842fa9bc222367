import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of kubeyard:backup:now, shown in the template editor and run by the tests. */
export const examples: TemplateExample[] = [
  {
    description: "Back up the tenant's namespace on all of its clusters and wait for the result",
    example: `steps:
  - id: backup
    name: Back up now
    action: kubeyard:backup:now
    input:
      tenant: payments-prod
`,
  },
  {
    description: 'Back up on one cluster only, and do not wait',
    example: `steps:
  - id: backup
    name: Start a backup
    action: kubeyard:backup:now
    input:
      tenant: payments-prod
      cluster: resource:default/prod-eu
      wait: false
`,
  },
];
