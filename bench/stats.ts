/** Percentile of a sorted sample (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Timing {
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs `step` `count` times in sequence and times each call. */
export async function timeEach(count: number, step: (i: number) => Promise<unknown> | unknown): Promise<Timing> {
  const samples = new Array<number>(count);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await step(i);
    samples[i] = performance.now() - t;
  }
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { count, perSecond: (count / elapsed) * 1000, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}

/**
 * Runs `step` `count` times with up to `inFlight` calls at once, as a platform delivers a burst of
 * events, and times each call from its start to its end.
 */
export async function timeConcurrent(count: number, inFlight: number, step: (i: number) => Promise<unknown>): Promise<Timing> {
  const samples = new Array<number>(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await step(i);
      samples[i] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { count, perSecond: (count / elapsed) * 1000, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}

export function formatRow(label: string, t: Timing): string {
  return `${label.padEnd(52)} ${t.perSecond.toFixed(0).padStart(8)} msg/s   p50 ${t.p50Ms.toFixed(3).padStart(7)} ms   p99 ${t.p99Ms.toFixed(3).padStart(7)} ms`;
}
