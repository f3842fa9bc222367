export { ClusterLink } from './ClusterLink';
export { ClusterStatusChip } from './ClusterStatusChip';
export { describeError } from './describeError';
export { FindingCountChips } from './FindingCountChips';
export { FindingsList } from './FindingsList';
export { PollingContent } from './PollingContent';
export { QuotaBar } from './QuotaBar';
export {
  QUOTA_CRITICAL,
  QUOTA_WARNING,
  quotaAlertText,
  quotaColor,
  quotaLevel,
} from './quotaPressure';
export type { QuotaLevel } from './quotaPressure';
export { quotaUsage } from './quotaUsage';
export type { QuotaKeyUsage } from './quotaUsage';
export { SeverityIcon } from './SeverityIcon';
export { StatusChip, toneColor } from './StatusChip';
export type { StatusTone } from './StatusChip';
export { SyncChip } from './SyncChip';
export { TenantLink } from './TenantLink';
export { TenantStatusChip } from './TenantStatusChip';
export { UsageBar } from './UsageBar';
export { usageColor } from './usageColor';
