/**
 * Resolves an IntOrString field (PodDisruptionBudget minAvailable/maxUnavailable, RollingUpdate
 * maxUnavailable/maxSurge) against a replica count, like GetScaledValueFromIntOrPercent:
 * `25%` of 6 is 2 rounded up, 1 rounded down. Undefined for strings that are not percentages.
 */
export function resolveIntOrPercent(value: string | number, total: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = /^(\d+)%$/.exec(value);
  if (!match) return undefined;
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
