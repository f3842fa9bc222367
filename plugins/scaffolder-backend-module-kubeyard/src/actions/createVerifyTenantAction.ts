import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { callBackend } from '../tenants/backendErrors';
import { initiatorClient, KubeyardActionServices } from '../tenants/initiatorClient';
import { logVerifyReport } from '../tenants/logVerifyReport';
import { examples } from './verifyTenant.examples';

/** The `kubeyard:tenant:verify` action: checks a tenant's isolation on every cluster. */
export function createVerifyTenantAction(services: KubeyardActionServices) {
  return createTemplateAction({
    id: 'kubeyard:tenant:verify',
    description:
      "Verifies a Kubeyard tenant on every cluster: RBAC (SubjectAccessReviews allowed in the tenant's namespace and denied elsewhere), NetworkPolicy reachability, quota and limits. Logs every check with its expected and actual outcome.",
    examples,
    schema: {
      input: z =>
        z
          .object({
            name: z.string().min(1).describe('Name of the tenant to verify'),
            failOnError: z
              .boolean()
              .default(true)
              .describe('Fail the step when any check fails (default true); false only reports'),
          })
          .strict(),
      output: z =>
        z.object({
          passed: z.number().describe('Checks that passed'),
          failed: z.number().describe('Checks that failed'),
          report: z
            .object({
              tenant: z.string().describe('Tenant name'),
              startedAt: z.string().describe('When verification started (ISO 8601)'),
              finishedAt: z.string().describe('When it finished (ISO 8601)'),
              passed: z.number().describe('Checks that passed'),
              failed: z.number().describe('Checks that failed'),
              checks: z
                .array(
                  z.object({
                    cluster: z.string().describe('Cluster the check ran on'),
                    category: z.enum(['rbac', 'network', 'quota', 'limits', 'presence']).describe('What is checked'),
                    name: z.string().describe('The check'),
                    expected: z.string().describe('The outcome isolation requires'),
                    actual: z.string().describe('The outcome observed'),
                    pass: z.boolean().describe('Whether actual matches expected'),
                    detail: z.string().optional().describe('More about the outcome'),
                  }),
                )
                .describe('Every check, passed or not'),
            })
            .describe('The verify report of kubeyard-backend'),
        }),
    },
    async handler(ctx) {
      const { name, failOnError = true } = ctx.input;
      const client = await initiatorClient(ctx, services);
      const report = await callBackend(() => client.verifyTenant(name));
      logVerifyReport(ctx.logger, report);
      ctx.output('passed', report.passed);
      ctx.output('failed', report.failed);
      ctx.output('report', report);
      if (report.failed > 0 && failOnError) {
        const failures = report.checks.filter(c => !c.pass).map(c => `[${c.cluster}] ${c.name}`);
        throw new Error(
          `Tenant ${name} failed ${report.failed} of ${report.checks.length} verification checks: ${failures.join('; ')}`,
        );
      }
    },
  });
}
