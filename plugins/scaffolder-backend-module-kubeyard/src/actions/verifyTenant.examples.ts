import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of kubeyard:tenant:verify, shown in the template editor and run by the tests. */
export const examples: TemplateExample[] = [
  {
    description: 'Verify the tenant just applied; the step fails if any check fails',
    example: `steps:
  - id: verify
    name: Verify isolation
    action: kubeyard:tenant:verify
    input:
      name: payments-prod
`,
  },
  {
    description: 'Only report the checks, without failing the task',
    example: `steps:
  - id: verify
    name: Verify isolation
    action: kubeyard:tenant:verify
    input:
      name: payments-prod
      failOnError: false
`,
  },
];
