/*
 * The `network` field of a tenant spec: what the tenant's pods may reach beyond their own
 * namespace. Everything not listed is denied by the tenant's default-deny NetworkPolicy.
 */
import { z } from 'zod';
import { parseCidr } from './cidr';
import { dns1123LabelProblem } from './kubernetesNames';
import { addDuplicateIssues, checkedString } from './schemaHelpers';

const portSchema = z
  .object({
    port: z
      .number()
      .int({ message: 'must be a whole port number between 1 and 65535' })
      .min(1, { message: 'must be between 1 and 65535' })
      .max(65535, { message: 'must be between 1 and 65535' })
      .describe('Destination port (1–65535)'),
    protocol: z.enum(['TCP', 'UDP']).default('TCP').describe('TCP or UDP (default TCP)'),
  })
  .strict();

const allowedNamespaceSchema = z
  .object({
    namespace: checkedString(dns1123LabelProblem).describe('Namespace the tenant may send traffic to (e.g. database)'),
    ports: z
      .array(portSchema)
      .min(1, { message: 'list at least one port; opening every port of another namespace is not offered' })
      .superRefine((ports, ctx) => addDuplicateIssues(ports, ctx, p => `${p.protocol}/${p.port}`, 'port'))
      .describe('Ports the tenant may reach in that namespace'),
  })
  .strict();

function cidrProblem(text: string): string | undefined {
  const cidr = parseCidr(text);
  if (!cidr) return `"${text}" is not a CIDR block such as 10.244.0.0/16 or fd00:10:244::/56`;
  if (!cidr.canonical) return `"${text}" has bits set past the /${cidr.prefix} prefix; write the network address`;
  if (cidr.prefix === 0) return `"${text}" is the whole address space; list the cluster's pod and service CIDRs`;
  return undefined;
}

/** The `network` field. */
export const networkSchema = z
  .object({
    ingressControllerNamespace: checkedString(dns1123LabelProblem)
      .default('ingress-nginx')
      .describe('Namespace of the ingress controller whose pods may send traffic to the tenant (default ingress-nginx)'),
    allowedNamespaces: z
      .array(allowedNamespaceSchema)
      .superRefine((entries, ctx) => addDuplicateIssues(entries, ctx, e => `"${e.namespace}"`, 'namespace'))
      .default([])
      .describe('Other namespaces the tenant may reach, each on the listed ports only'),
    internetEgress: z
      .boolean()
      .default(false)
      .describe('Allow HTTPS (TCP 443) to addresses outside the cluster'),
    clusterCidrs: z
      .array(checkedString(cidrProblem))
      .superRefine((cidrs, ctx) => addDuplicateIssues(cidrs, ctx, c => `"${c}"`, 'CIDR'))
      .optional()
      .describe(
        "The cluster's pod and service CIDRs; internet egress excludes them, because many CNIs also match pod IPs against ipBlock",
      ),
  })
  .strict()
  .default({})
  .describe('Network access beyond the tenant namespace (everything else is denied)');
