/** One cluster's entry of a ReplicaSchedulingPreference (`spec.clusters.<name>`). */
export interface ClusterPreference {
  weight?: number;
  minReplicas?: number;
  maxReplicas?: number;
}

/**
 * Splits `totalReplicas` over clusters the way KubeFed's ReplicaSchedulingPreference planner
 * does: every cluster first gets its minReplicas, the rest is shared in proportion to weight
 * (largest remainders first, ties by cluster name), and a cluster's share never exceeds its
 * maxReplicas — what a capped cluster cannot take goes to the others. What no cluster can take
 * stays unplaced.
 */
export function splitReplicas(totalReplicas: number, preferences: Record<string, ClusterPreference>): Record<string, number> {
  const names = Object.keys(preferences).sort();
  const result: Record<string, number> = Object.fromEntries(names.map(n => [n, 0]));
  const max = (n: string) => preferences[n].maxReplicas ?? Number.POSITIVE_INFINITY;
  let remaining = Math.max(0, Math.floor(totalReplicas));

  for (const name of names) {
    const give = Math.min(preferences[name].minReplicas ?? 0, max(name), remaining);
    result[name] = give;
    remaining -= give;
  }

  while (remaining > 0) {
    const open = names.filter(n => result[n] < max(n));
    if (open.length === 0) break;
    const weights = open.map(n => Math.max(0, preferences[n].weight ?? 0));
    const weightSum = weights.reduce((s, w) => s + w, 0);
    const shares = open.map((n, i) => ({
      name: n,
      exact: weightSum > 0 ? (remaining * weights[i]) / weightSum : remaining / open.length,
    }));
    if (weightSum === 0 && open.every(n => (preferences[n].weight ?? 0) === 0) && names.some(n => (preferences[n].weight ?? 0) > 0)) {
      break; // only zero-weight clusters are left while others exist: they get minimums only
    }
    let placed = 0;
    for (const share of shares) {
      const give = Math.min(Math.floor(share.exact), max(share.name) - result[share.name]);
      result[share.name] += give;
      placed += give;
    }
    let left = remaining - placed;
    const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.name.localeCompare(b.name));
    for (const share of byRemainder) {
      if (left === 0) break;
      if (share.exact === 0 || result[share.name] >= max(share.name)) continue;
      result[share.name] += 1;
      left -= 1;
    }
    if (left === remaining) break; // nothing could be placed this round
    remaining = left;
  }
  return result;
}
