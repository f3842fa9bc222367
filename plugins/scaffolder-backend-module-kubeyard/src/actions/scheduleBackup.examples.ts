import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of kubeyard:backup:schedule, shown in the template editor and run by the tests. */
export const examples: TemplateExample[] = [
  {
    description: "Put the tenant's Velero Schedules in place on all of its clusters",
    example: `steps:
  - id: schedule
    name: Schedule backups
    action: kubeyard:backup:schedule
    input:
      tenant: payments-prod
`,
  },
  {
    description: 'Only show what would change (server-side dry run)',
    example: `steps:
  - id: schedule
    name: Preview the backup schedules
    action: kubeyard:backup:schedule
    input:
      tenant: payments-prod
      dryRun: true
`,
  },
];
