// Small helpers shared by the benchmark modules.
import { performance } from 'node:perf_hooks';

export interface BenchLine {
  readonly label: string;
  /** The measured figure as printed, e.g. "0.84 × bare parse (21.3 ms vs 25.4 ms)". */
  readonly figure: string;
  /** The goal as printed, e.g. "≤ 1.15 ×"; absent for figures that are only reported. */
  readonly goal?: string;
  readonly met?: boolean;
}

export interface BenchModule {
  readonly title: string;
  run(): Promise<BenchLine[]>;
}

/** Median wall time in milliseconds of `runs` calls of `fn`, after `warmup` calls. */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export function ratioLine(label: string, measured: number, baseline: number, baselineName: string, goal?: number): BenchLine {
  const ratio = measured / baseline;
  const figure = `${ratio.toFixed(3)} × ${baselineName} (${measured.toFixed(2)} ms vs ${baseline.toFixed(2)} ms)`;
  return goal === undefined ? { label, figure } : { label, figure, goal: `≤ ${goal} ×`, met: ratio <= goal };
}
