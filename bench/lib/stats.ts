/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Runs `fn` `times` times in sequence and returns the durations in ms. */
export async function timeEach(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = process.hrtime.bigint();
    await fn();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return durations;
}

/** Formats ms with one decimal. */
export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Prints one figure line, aligned. */
export function report(label: string, value: string) {
  console.log(`  ${label.padEnd(58)} ${value}`);
}
