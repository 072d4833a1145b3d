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

/**
 * Median wall times of two functions measured alternately, run after run, so
 * both see the same machine state (JIT, GC, other load).
 */
export async function compareMs(a: () => unknown, b: () => unknown, runs = 15, warmup = 3): Promise<[number, number]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, times] of i % 2 === 0
      ? ([
          [a, timesA],
          [b, timesB],
        ] as const)
      : ([
          [b, timesB],
          [a, timesA],
        ] as const)) {
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
  }
  const median = (times: number[]) => times.sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? 0;
  return [median(timesA), median(timesB)];
}

export function ratioLine(
  label: string,
  measured: number,
  baseline: number,
  baselineName: string,
  goal?: number,
): BenchLine {
  const ratio = measured / baseline;
  const figure = `${ratio.toFixed(3)} × ${baselineName} (${measured.toFixed(2)} ms vs ${baseline.toFixed(2)} ms)`;
  return goal === undefined ? { label, figure } : { label, figure, goal: `≤ ${goal} ×`, met: ratio <= goal };
}
