import { MINUTE_MS } from '../../backups/duration';
import { GIB } from '../hourRows';
import { ClusterCostSample, CostHourRow, PodCostReading } from '../types';

/** A pod reading: cores and GiB (converted to bytes). */
export function pod(
  namespace: string,
  name: string,
  cpu: { request: number; usage?: number },
  ramGiB: { request: number; usage?: number } = { request: 0, usage: 0 },
  workload = '',
): PodCostReading {
  return {
    namespace,
    pod: name,
    workload,
    cpuRequestCores: cpu.request,
    cpuUsageCores: cpu.usage,
    ramRequestBytes: ramGiB.request * GIB,
    ramUsageBytes: ramGiB.usage === undefined ? undefined : ramGiB.usage * GIB,
  };
}

/** A sample of cluster `prod` (8 cores, 32 GiB allocatable unless given). */
export function sample(at: string, pods: PodCostReading[], extra: Partial<ClusterCostSample> = {}): ClusterCostSample {
  return { cluster: 'prod', at, pods, pvcBytesByNamespace: {}, allocatableCpuCores: 8, allocatableRamBytes: 32 * GIB, ...extra };
}

/** `at` plus `minutes`, ISO 8601. */
export function plusMinutes(at: string, minutes: number): string {
  return new Date(Date.parse(at) + minutes * MINUTE_MS).toISOString();
}

/** A priced hour row for aggregation tests: cpu in core-hours, ram in GiB-hours, at default prices. */
export function hourRow(
  hour: string,
  namespace: string,
  q: { cpuReq?: number; cpuUse?: number; ramReq?: number; ramUse?: number; pv?: number; cluster?: string; workload?: string } = {},
  attribution: { tenant?: string; owner?: string; costCenter?: string } = {},
): CostHourRow {
  const cpuReq = q.cpuReq ?? 0;
  const cpuUse = q.cpuUse ?? cpuReq;
  const ramReq = q.ramReq ?? 0;
  const ramUse = q.ramUse ?? ramReq;
  const cpuCharged = Math.max(cpuReq, cpuUse);
  const ramCharged = Math.max(ramReq, ramUse);
  return {
    hour,
    cluster: q.cluster ?? 'prod',
    namespace,
    workload: q.workload ?? '',
    tenant: attribution.tenant ?? null,
    owner: attribution.owner ?? null,
    costCenter: attribution.costCenter ?? null,
    minutes: 60,
    cpuRequestCoreHours: cpuReq,
    cpuUsageCoreHours: cpuUse,
    cpuChargedCoreHours: cpuCharged,
    ramRequestByteHours: ramReq * GIB,
    ramUsageByteHours: ramUse * GIB,
    ramChargedByteHours: ramCharged * GIB,
    pvByteHours: (q.pv ?? 0) * GIB,
    cpuCost: cpuCharged * 0.05,
    ramCost: ramCharged * 0.01,
    pvCost: (q.pv ?? 0) * 0.001,
  };
}
