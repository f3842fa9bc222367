/** The payments tenant on two clusters, as the action tests use it. */
export const paymentsTenant = {
  name: 'payments-prod',
  displayName: 'Payments production',
  owner: 'group:default/team-payments',
  clusters: ['prod-eu', 'prod-us'],
  environment: 'production' as const,
  costCenter: 'cc-1001',
  contact: 'payments@example.com',
};

/** The payments tenant with backup tier 2, as the backup action tests use it. */
export const backupTenant = { ...paymentsTenant, backupTier: 2 as const };
