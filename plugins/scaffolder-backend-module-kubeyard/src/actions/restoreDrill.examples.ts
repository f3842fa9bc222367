import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of kubeyard:backup:restore-drill, shown in the template editor and run by the tests. */
export const examples: TemplateExample[] = [
  {
    description: 'Restore the newest backup of a namespace beside it, time it against the RTO, then remove the copy',
    example: `steps:
  - id: drill
    name: Restore drill
    action: kubeyard:backup:restore-drill
    input:
      cluster: resource:default/prod-eu
      namespace: payments-prod
`,
  },
  {
    description: 'Drill a given backup and keep the restored namespace to look at it',
    example: `steps:
  - id: drill
    name: Restore drill
    action: kubeyard:backup:restore-drill
    input:
      cluster: prod-eu
      namespace: payments-prod
      backupName: kubeyard-payments-prod-daily-20250601020000
      keep: true
`,
  },
];
