import { SimulatedClock } from './clock';

describe('SimulatedClock', () => {
  it('stands still until advanced, then ticks at every minute boundary in order', async () => {
    const clock = new SimulatedClock({ startTime: '2025-01-01T00:00:30Z' });
    const ticks: string[] = [];
    const off = clock.onTick(now => {
      ticks.push(now.toISOString().slice(11, 19));
    });
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:30.000Z');
    await clock.advance(150_000);
    expect(ticks).toEqual(['00:01:00', '00:02:00', '00:03:00']);
    await clock.advance(10_000);
    expect(ticks.at(-1)).toBe('00:03:10');
    off();
    await clock.advance(60_000);
    expect(ticks).toHaveLength(4);
    await expect(clock.advance(-1)).rejects.toThrow();
  });

  it('runs concurrent advances one after the other', async () => {
    const clock = new SimulatedClock({ startTime: '2025-01-01T00:00:00Z' });
    const seen: number[] = [];
    clock.onTick(async now => {
      await new Promise(r => setTimeout(r, 1));
      seen.push(now.getTime());
    });
    await Promise.all([clock.advance(120_000), clock.advance(60_000)]);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(clock.now().toISOString()).toBe('2025-01-01T00:03:00.000Z');
  });
});
