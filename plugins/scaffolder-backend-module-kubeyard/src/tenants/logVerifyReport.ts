import type { LoggerService } from '@backstage/backend-plugin-api';
import type { VerifyReport } from '@kubeyard/backstage-plugin-kubeyard-common';

/** Writes every check of a verify report to the task log, expected against actual. */
export function logVerifyReport(logger: LoggerService, report: VerifyReport): void {
  for (const check of report.checks) {
    const line = `[${check.cluster}] ${check.pass ? 'PASS' : 'FAIL'} ${check.category}: ${check.name}: expected ${
      check.expected
    }, actual ${check.actual}${check.detail ? ` (${check.detail})` : ''}`;
    if (check.pass) logger.info(line);
    else logger.error(line);
  }
  logger.info(`Tenant ${report.tenant}: ${report.passed} checks passed, ${report.failed} failed`);
}
