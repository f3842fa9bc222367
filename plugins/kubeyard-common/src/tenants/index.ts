export { tenantSpecSchema, parseTenantSpec, tenantNamespace } from './tenantSpec';
export type { TenantSpec, TenantSpecInput, ParseTenantSpecResult } from './tenantSpec';
export type { TenantFieldError } from './schemaHelpers';
export { validateTenantSpecAgainst } from './validateTenantSpecAgainst';
export type { TenantValidationContext } from './validateTenantSpecAgainst';
export {
  TIER_NAMES,
  TIER_QUOTAS,
  TIER_LIMITS,
  QUOTA_KEYS,
  OVERRIDABLE_QUOTA_KEYS,
  QUOTA_CEILING,
  QUOTA_FLOOR,
  effectiveQuota,
  tierLimitRange,
} from './tiers';
export type { TierName, QuotaKey, OverridableQuotaKey, TierLimits, LimitRangeItem } from './tiers';
export { tenantQuotaHard, tenantLimitRange } from './tenantQuota';
export {
  VCLUSTER_QUOTA,
  VCLUSTER_LIMIT_RANGE,
  DEFAULT_K3S_VERSION,
  k3sImage,
  vclusterSizing,
} from './vclusterPresets';
export { BACKUP_TIERS } from './backupTiers';
export type { BackupTier, BackupTierTargets } from './backupTiers';
export {
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  KUBERNETES_ID_ANNOTATION,
  NAMESPACE_NAME_LABEL,
  encodeEntityRefLabel,
  decodeEntityRefLabel,
  tenantLabels,
  tenantSelector,
} from './conventions';
export { labelValueProblem } from './kubernetesNames';
export { parseMemberRef, stringifyMemberRef } from './catalogRefs';
export type { CatalogMemberRef, MemberKind } from './catalogRefs';
export { manifestKey } from './manifests';
export type { KubeManifest } from './manifests';
export type { TenantClusterFacts } from './clusterFacts';
export { renderTenant, TENANT_KIND_ORDER, ALLOWED_REGISTRIES_ANNOTATION, BACKUP_TIER_LABEL } from './renderTenant';
export { TENANT_ROLE_RULES, tenantAdminServiceAccount } from './renderRbac';
export type { RbacRule, RbacSubject } from './renderRbac';
export { vclusterServiceAccount, vclusterWorkloadLabels } from './renderVcluster';
export { evaluateReachability } from './networkReachability';
export type {
  ReachabilityQuery,
  ReachabilityResult,
  ReachabilityPod,
  ReachabilityIpBlock,
  ReachabilityNamespace,
  NetworkPolicyObject,
} from './networkReachability';
export { tenantReachabilityProof, PROOF_OTHER_NAMESPACE } from './tenantReachabilityProof';
export type { ReachabilityCheck } from './tenantReachabilityProof';
export { tenantErrorMap, toFieldErrors } from './schemaHelpers';
export { isIsoCurrency } from './currencies';
