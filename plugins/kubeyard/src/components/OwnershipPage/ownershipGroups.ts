import type {
  Finding,
  FindingSeverity,
} from '@kubeyard/backstage-plugin-kubeyard-common';

/** The ownership finding ids the backend reports, with what each means. */
export const OWNERSHIP_FINDINGS: Record<
  string,
  { title: string; description: string }
> = {
  'ownership.namespace.no-owner': {
    title: 'Namespaces without an owner',
    description:
      'No kubeyard.io/owner label: nobody is accountable for what runs there or what it costs.',
  },
  'ownership.owner.not-a-group': {
    title: 'Owners that are not catalog Groups',
    description:
      'The owner label names something the catalog does not know as a Group.',
  },
  'ownership.owner.drift': {
    title: 'Owner label differs from the catalog',
    description:
      "The namespace's owner label and the tenant's owner in the catalog disagree.",
  },
  'ownership.tenant.missing-on-cluster': {
    title: 'Tenants missing from a cluster',
    description: "A cluster of a tenant's spec has no namespace for it.",
  },
};

const SEVERITY: Record<FindingSeverity, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};

/** Findings of one id. */
export interface OwnershipGroup {
  id: string;
  title: string;
  description?: string;
  findings: Finding[];
  /** The worst severity in the group. */
  severity: FindingSeverity;
}

/** Groups findings by id: worst severity first, then the largest group, then by id. */
export function groupOwnershipFindings(findings: Finding[]): OwnershipGroup[] {
  const byId = new Map<string, Finding[]>();
  for (const finding of findings) {
    byId.set(finding.id, [...(byId.get(finding.id) ?? []), finding]);
  }
  return [...byId.entries()]
    .map(([id, group]) => {
      const severity = group.reduce<FindingSeverity>(
        (worst, f) =>
          SEVERITY[f.severity] < SEVERITY[worst] ? f.severity : worst,
        'info',
      );
      const known = OWNERSHIP_FINDINGS[id];
      return {
        id,
        title: known?.title ?? id,
        description: known?.description,
        findings: [...group].sort(
          (a, b) =>
            (a.object.cluster ?? '').localeCompare(b.object.cluster ?? '') ||
            a.object.name.localeCompare(b.object.name),
        ),
        severity,
      };
    })
    .sort(
      (a, b) =>
        SEVERITY[a.severity] - SEVERITY[b.severity] ||
        b.findings.length - a.findings.length ||
        a.id.localeCompare(b.id),
    );
}
