/*
 * The name and label-value rules of k8s.io/apimachinery/pkg/util/validation, written as
 * messages a developer filling in a template can act on.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Kubernetes' limit for DNS labels (namespace names) and label values. */
export const MAX_LABEL_LENGTH = 63;

/** Why a string is not an RFC 1123 DNS label, or undefined when it is one. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > MAX_LABEL_LENGTH) {
    return `"${value}" is ${value.length} characters; at most ${MAX_LABEL_LENGTH} are allowed (RFC 1123 DNS label)`;
  }
  if (!DNS1123_LABEL.test(value)) {
    return `"${value}" is not an RFC 1123 DNS label: use lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. team-payments)`;
  }
  return undefined;
}

/** Why a string is not an RFC 1035 DNS label (what Service names need), or undefined. */
export function dns1035LabelProblem(value: string): string | undefined {
  const problem = dns1123LabelProblem(value);
  if (problem) return problem;
  if (!DNS1035_LABEL.test(value)) return `"${value}" must start with a letter (RFC 1035 DNS label, required for Service names)`;
  return undefined;
}

/** Why a string cannot be a label value, or undefined when it can. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > MAX_LABEL_LENGTH) {
    return `"${value}" is ${value.length} characters; label values allow at most ${MAX_LABEL_LENGTH}`;
  }
  if (!LABEL_VALUE.test(value)) {
    return `"${value}" cannot be a label value: use letters, digits, "-", "_" and ".", starting and ending with a letter or digit`;
  }
  return undefined;
}

/*
 * `default` is shared by everyone; `kube-*` belongs to Kubernetes, `openshift-*` to OpenShift
 * and `kubeyard-*` to Kubeyard itself. A tenant owning one of them could claim system objects.
 */
const RESERVED_PREFIXES = ['kube-', 'kubeyard-', 'openshift-'];
const RESERVED_NAMES = ['default'];

/** Why a namespace name is reserved for the platform, or undefined when a tenant may take it. */
export function reservedNamespaceProblem(value: string): string | undefined {
  if (RESERVED_NAMES.includes(value)) return `"${value}" is reserved: the default namespace is shared by everyone`;
  const prefix = RESERVED_PREFIXES.find(p => value.startsWith(p));
  if (prefix) return `"${value}" is reserved: names starting with "${prefix}" belong to the platform (reserved: default, kube-*, kubeyard-*, openshift-*)`;
  return undefined;
}
