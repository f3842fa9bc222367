import type { Finding } from '../findings/types';
import type { ContainerInfo } from '../fleet/types';
import { sentence, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/** The probes judged, with what their absence costs and what to add. */
const PROBES: Array<{ field: 'readinessProbe' | 'livenessProbe'; effect: string; fix: string }> = [
  {
    field: 'readinessProbe',
    effect: 'it gets traffic before it can serve, and a rollout cannot tell a broken version from a working one',
    fix: 'add a readinessProbe that checks the container can serve (e.g. httpGet on a /ready endpoint)',
  },
  {
    field: 'livenessProbe',
    effect: 'a hung process is never restarted',
    fix: 'add a livenessProbe that fails only when a restart helps (a cheap /healthz), with a startupProbe if it starts slowly',
  },
];

/** workload.probes.missing: each container has a readinessProbe (warning without) and a livenessProbe (info without). */
export const probesMissing: WorkloadRule = ({ workload, object }: WorkloadContext) =>
  workload.template.containers.flatMap((container: ContainerInfo): Finding[] => {
    const missing = PROBES.filter(probe => !container[probe.field]);
    if (missing.length === 0) return [];
    return [
      {
        id: 'workload.probes.missing',
        severity: container.readinessProbe ? 'info' : 'warning',
        object,
        message: `Container ${container.name} of ${workloadRef(workload)} has no ${missing.map(p => p.field).join(' or ')}: ${missing.map(p => p.effect).join('; ')}`,
        fix: sentence(missing.map(p => p.fix).join(', and ')),
      },
    ];
  });

/** Probe rules for every workload kind. */
export const probeRules: WorkloadRule[] = [probesMissing];
