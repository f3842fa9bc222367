/** How bad a finding is. */
export type FindingSeverity = 'critical' | 'warning' | 'info';

/** The object a finding is about. */
export interface FindingObject {
  kind: string;
  name: string;
  namespace?: string;
  cluster?: string;
}

/** One rule's verdict on one object: what is wrong and how to fix it. */
export interface Finding {
  /** Stable rule id, e.g. `cluster.control-plane.even-count` or `workload.pdb.blocks-eviction`. */
  id: string;
  severity: FindingSeverity;
  object: FindingObject;
  message: string;
  /** What to change, concretely. */
  fix: string;
}

/** Findings counted by severity. */
export type FindingCounts = Record<FindingSeverity, number>;

/** Counts findings by severity. */
export function countFindings(findings: Finding[]): FindingCounts {
  const counts: FindingCounts = { critical: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
