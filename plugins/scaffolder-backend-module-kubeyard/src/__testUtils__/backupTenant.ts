/** A tenant of backup tier 2 on two clusters, as the backup action tests use it. */
export const backupTenant = {
  name: 'payments-prod',
  displayName: 'Payments production',
  owner: 'group:default/team-payments',
  clusters: ['prod-eu', 'prod-us'],
  environment: 'production' as const,
  costCenter: 'cc-1001',
  contact: 'payments@example.com',
  backupTier: 2 as const,
};
