/*
 * TenantSpec: what a developer asks for in the tenant Software Template, validated the same
 * way in the browser (template editor), the scaffolder action and the backend API.
 */
import { z } from 'zod';
import { BACKUP_TIERS } from './backupTiers';
import { memberRefProblem, MemberKind } from './catalogRefs';
import { encodeEntityRefLabel } from './conventions';
import { isIsoCurrency } from './currencies';
import {
  dns1035LabelProblem,
  dns1123LabelProblem,
  labelValueProblem,
  MAX_LABEL_LENGTH,
  reservedNamespaceProblem,
} from './kubernetesNames';
import { networkSchema } from './networkSchema';
import { addDuplicateIssues, checkedString, tenantErrorMap, TenantFieldError, toFieldErrors } from './schemaHelpers';
import { tierSchema } from './tierSchema';
import { DEFAULT_K3S_VERSION, K3S_VERSION_PATTERN } from './vclusterPresets';

const namespaceName = checkedString(value => dns1123LabelProblem(value) ?? reservedNamespaceProblem(value));

function ownerProblem(ref: string): string | undefined {
  const problem = memberRefProblem(ref, ['group']);
  if (problem) return problem;
  const encoded = encodeEntityRefLabel(ref);
  if (encoded.length > MAX_LABEL_LENGTH) {
    return `"${ref}" is stored in the kubeyard.io/owner label as "${encoded}", ${encoded.length} characters; label values allow at most ${MAX_LABEL_LENGTH}`;
  }
  return undefined;
}

function members(role: string, grants: string) {
  const kinds: MemberKind[] = ['user', 'group'];
  return z
    .array(checkedString(ref => memberRefProblem(ref, kinds)))
    .superRefine((refs, ctx) => addDuplicateIssues(refs, ctx, r => `"${r}"`, role))
    .default([])
    .describe(`Catalog users and groups (user:default/alice, group:default/team-a) bound to ${grants}`);
}

/*
 * A prefix allow-list compares image references by string prefix. Without the trailing slash,
 * "registry.example.com" also admits "registry.example.com.evil.io/…" and "team-a" admits
 * "team-a-evil/…" (SEED-DIGEST §1 defects).
 */
// Path components follow the distribution reference grammar: separators ".", "_", "__" or "-"+.
const REGISTRY_PREFIX = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*\/$/;

function registryProblem(prefix: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(prefix)) {
    return `"${prefix}" has a scheme; image references have none (e.g. registry.example.com/team-a/)`;
  }
  if (!prefix.endsWith('/')) {
    const lookalike = prefix.includes('/') ? `${prefix}-evil/app` : `${prefix}.evil.io/app`;
    return `"${prefix}" must end with "/" (write "${prefix}/"): registries are matched by prefix, and without the slash "${prefix}" also admits "${lookalike}"`;
  }
  if (!REGISTRY_PREFIX.test(prefix)) {
    return `"${prefix}" is not a registry prefix: a lower-case registry host, an optional :port and path, ending with "/" (e.g. registry.example.com/team-a/)`;
  }
  return undefined;
}

const backupSummary = Object.entries(BACKUP_TIERS)
  .map(([tier, targets]) => `${tier}: ${targets.summary}`)
  .join('; ');

const vclusterSchema = z
  .object({
    k8sVersion: z
      .string()
      .regex(K3S_VERSION_PATTERN, {
        message: 'must be a Kubernetes version such as 1.29.3, v1.29.3 or a k3s tag such as v1.29.3-k3s1',
      })
      .optional()
      .describe(`Kubernetes version of the virtual cluster (k3s); default ${DEFAULT_K3S_VERSION}`),
    nodes: z
      .number()
      .int({ message: 'must be a whole number of nodes' })
      .positive({ message: 'must be at least 1' })
      .optional()
      .describe('Expected node count; sizes the control plane (< 50: 1 CPU/2Gi, 50–200: 2/4Gi, > 200: 4/8Gi)'),
  })
  .strict()
  .describe('Virtual cluster settings; only with isolation vcluster');

/** Schema of a tenant request; every field carries the description the template editor shows. */
export const tenantSpecSchema = z
  .object({
    name: namespaceName.describe(
      'Tenant name: an RFC 1123 DNS label of at most 63 characters (e.g. payments-prod); also the namespace name unless namespace is given',
    ),
    namespace: namespaceName
      .optional()
      .describe('Namespace of the tenant, when it should differ from the name (e.g. payments-production-api)'),
    displayName: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty' })
      .max(100, { message: 'must be at most 100 characters' })
      .describe('Human-readable name shown in the catalog (e.g. Payments production)'),
    description: z
      .string()
      .max(1000, { message: 'must be at most 1000 characters' })
      .optional()
      .describe('What the tenant is for; written to the namespace "description" annotation (default: displayName)'),
    owner: checkedString(ownerProblem).describe('Owning catalog Group (e.g. group:default/team-payments)'),
    clusters: z
      .array(
        z
          .string()
          .regex(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,251}[A-Za-z0-9])?$/, {
            message: 'must be a cluster name as configured in Kubeyard (letters, digits, "-", "_", ".")',
          })
          .describe('Cluster name'),
      )
      .min(1, { message: 'name at least one cluster' })
      .superRefine((clusters, ctx) => addDuplicateIssues(clusters, ctx, c => `"${c}"`, 'cluster'))
      .describe('Clusters the tenant is created on'),
    environment: z
      .enum(['development', 'staging', 'production'])
      .describe('Environment: development, staging or production'),
    costCenter: checkedString(labelValueProblem).describe(
      'Cost center charged for the tenant; stored as a label value (e.g. cc-1001)',
    ),
    contact: z.string().email().describe('Email address for questions about the tenant'),
    tier: tierSchema,
    isolation: z
      .enum(['namespace', 'vcluster'])
      .default('namespace')
      .describe('namespace: a namespace with RBAC, quota and NetworkPolicies; vcluster: a virtual cluster inside it'),
    network: networkSchema,
    podSecurity: z
      .enum(['privileged', 'baseline', 'restricted'])
      .default('baseline')
      .describe('Pod Security Standard enforced in the namespace; privileged only for development'),
    allowedRegistries: z
      .array(checkedString(registryProblem))
      .superRefine((prefixes, ctx) => addDuplicateIssues(prefixes, ctx, p => `"${p}"`, 'registry'))
      .default([])
      .describe('Image registry prefixes the tenant may pull from, each ending with "/" (e.g. registry.example.com/team-a/)'),
    admins: members('admin', 'tenant-admin (all workloads, configuration and secrets; quotas read-only); default: the owner group'),
    developers: members('developer', 'tenant-developer (create and change workloads, no delete; secrets read-only)'),
    viewers: members('viewer', 'tenant-viewer (read workloads, services and logs; no secrets)'),
    monthlyBudget: z
      .object({
        amount: z
          .number()
          .positive({ message: 'must be more than 0' })
          .finite({ message: 'must be a finite number' })
          .describe('Budget per month'),
        currency: checkedString(code =>
          isIsoCurrency(code) ? undefined : `"${code}" is not an ISO 4217 currency code (e.g. USD, EUR, CNY)`,
        )
          .default('USD')
          .describe('ISO 4217 currency code (default USD)'),
      })
      .strict()
      .optional()
      .describe('Monthly budget; cost reports warn when the tenant is on course to exceed it'),
    backupTier: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
        errorMap: () => ({ message: `must be 1, 2, 3 or 4 (${backupSummary})` }),
      })
      .default(3)
      .describe(`Recovery targets (${backupSummary}); default 3`),
    vcluster: vclusterSchema.optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    if (spec.podSecurity === 'privileged' && spec.environment !== 'development') {
      issue(
        ['podSecurity'],
        `"privileged" is only allowed for environment development (this tenant is ${spec.environment}); use baseline or restricted`,
      );
    }
    if (spec.isolation !== 'vcluster') {
      if (spec.vcluster) issue(['vcluster'], 'vcluster settings apply only with isolation vcluster');
      return;
    }
    if (Object.keys(spec.tier.quotaOverrides).length > 0) {
      issue(
        ['tier', 'quotaOverrides'],
        'quota overrides do not apply with isolation vcluster: the host namespace gets the fixed vcluster isolation quota',
      );
    }
    // The control plane's Service needs an RFC 1035 name, and StatefulSet pods carry a
    // controller-revision-hash label "<name>-<10 characters>" that must fit 63 characters.
    const nameProblem = dns1035LabelProblem(spec.name);
    if (nameProblem) issue(['name'], `${nameProblem}; the virtual cluster is named after the tenant`);
    else if (spec.name.length > 52) {
      issue(['name'], `"${spec.name}" is ${spec.name.length} characters; a vcluster tenant name may have at most 52`);
    }
  })
  .describe('A Kubeyard tenant: a namespace (or virtual cluster) with quota, RBAC and network isolation on one or more clusters');

/** A validated tenant spec, defaults filled in. */
export type TenantSpec = z.output<typeof tenantSpecSchema>;

/** A tenant spec as a user writes it (defaults optional). */
export type TenantSpecInput = z.input<typeof tenantSpecSchema>;

/** Result of parseTenantSpec. */
export type ParseTenantSpecResult =
  | { success: true; spec: TenantSpec }
  | { success: false; errors: TenantFieldError[] };

/** Validates a tenant request; errors name the field (`clusters.1`) and say what is allowed. */
export function parseTenantSpec(input: unknown): ParseTenantSpecResult {
  const result = tenantSpecSchema.safeParse(input, { errorMap: tenantErrorMap });
  return result.success ? { success: true, spec: result.data } : { success: false, errors: toFieldErrors(result.error) };
}

/** The namespace a tenant lives in: `namespace` when given, else the tenant name. */
export function tenantNamespace(spec: Pick<TenantSpec, 'name' | 'namespace'>): string {
  return spec.namespace ?? spec.name;
}
