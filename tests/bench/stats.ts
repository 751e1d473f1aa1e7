/** Timing helpers of the benchmark: samples in milliseconds, percentiles, and a memory watcher. */

export interface Samples {
  /** Milliseconds per run. */
  ms: number[];
}

/** The p-th percentile (0–100) of the samples, nearest rank; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Runs fn n times, one after another, and returns each run's wall time. */
export async function sample(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Samples the process's resident set and heap every few milliseconds and keeps the peaks. */
export class MemoryWatch {
  peakRss = 0;
  peakHeap = 0;
  private timer: NodeJS.Timeout | null = null;

  start(everyMs = 25): this {
    this.reset();
    this.timer = setInterval(() => this.take(), everyMs);
    this.timer.unref();
    return this;
  }

  /** Takes one sample now (also between awaits that keep the timer from firing). */
  take(): void {
    const m = process.memoryUsage();
    if (m.rss > this.peakRss) this.peakRss = m.rss;
    if (m.heapUsed > this.peakHeap) this.peakHeap = m.heapUsed;
  }

  reset(): void {
    this.peakRss = 0;
    this.peakHeap = 0;
    this.take();
  }

  stop(): { rssMb: number; heapMb: number } {
    this.take();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return { rssMb: this.peakRss / 2 ** 20, heapMb: this.peakHeap / 2 ** 20 };
  }
}
