// Hostile inputs: time and peak memory of the analysis of each, measured in a
// child process of its own, as ratios to the bare remark parse of the 16 KB
// sample measured the same way in this run; and the CLI's wall time on each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileInputs } from '../support/hostile';
import { cliBundle } from '../support/paths';
import type { BenchLine } from './harness';

const GOAL = 50;
const CLI_GOAL_MS = 5000;

interface Measure {
  readonly ms: number;
  readonly maxStepMs: number;
  readonly maxRssKb: number;
  readonly rssBeforeKb: number;
}

function measure(name: string): Measure {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'hostileWorker.ts'), name], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Measure;
}

export const title = 'Hostile inputs (issue 11; each in its own process, ratios to the bare parse of the 16 KB sample)';

export function run(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const base = measure('bare parse');
  // Memory: what the input added to the process's peak, against what the bare parse did.
  const baseMemory = Math.max(1, base.maxRssKb - base.rssBeforeKb, 1024);
  lines.push({
    label: 'bare parse of the sample',
    figure: `${base.ms.toFixed(1)} ms, peak ${(base.maxRssKb / 1024).toFixed(0)} MB`,
  });
  const folder = mkdtempSync(join(tmpdir(), 'readiness-bench-hostile-'));
  for (const input of hostileInputs()) {
    const m = measure(input.name);
    const timeRatio = m.ms / base.ms;
    const stepRatio = m.maxStepMs / base.ms;
    const added = Math.max(0, m.maxRssKb - m.rssBeforeKb);
    const memoryRatio = added / baseMemory;
    const memory = `${memoryRatio.toFixed(1)} × memory (+${(added / 1024).toFixed(0)} MB, peak ${(m.maxRssKb / 1024).toFixed(0)} MB)`;
    if (input.large) {
      // Large by size alone: no analysis can beat reading it, so it is held to the bare parse of the same text,
      // and what the server cannot interrupt (its longest step) to the per-input goal.
      const parse = measure(`bare parse:${input.name}`);
      lines.push({
        label: `${input.name}: analysis`,
        figure: `${(m.ms / parse.ms).toFixed(2)} × the bare parse of the same ${(input.text.length / 1024).toFixed(0)} KB (${m.ms.toFixed(0)} ms against ${parse.ms.toFixed(0)} ms), ${memory}`,
        goal: '≤ 1 × its own bare parse',
        met: m.ms <= parse.ms,
      });
    } else {
      lines.push({
        label: `${input.name}: analysis`,
        figure: `${timeRatio.toFixed(1)} × time (${m.ms.toFixed(0)} ms), ${memory}`,
        goal: `≤ ${GOAL} × time`,
        met: timeRatio <= GOAL,
      });
    }
    lines.push({
      label: `${input.name}: longest step`,
      figure: `${stepRatio.toFixed(1)} × (${m.maxStepMs.toFixed(0)} ms)`,
      goal: `≤ ${GOAL} ×`,
      met: stepRatio <= GOAL,
    });
    const file = join(folder, 'ENTREGABLES.md');
    writeFileSync(file, input.text);
    const start = performance.now();
    const cli = spawnSync(process.execPath, [cliBundle, 'check', file, '--format', 'json', '--today', '2025-12-08'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = performance.now() - start;
    const oneLine = cli.stderr.trim().split('\n').length <= 1 && !/\n\s+at /.test(cli.stderr);
    const answer = `${ms.toFixed(0)} ms, exit ${cli.status}${oneLine ? '' : ', stderr NOT one line'}`;
    // The 5 s is for the hostile shapes; a large document is bounded by its analysis above.
    if (input.large)
      lines.push({ label: `${input.name}: readiness check`, figure: answer, goal: 'one line', met: oneLine });
    else
      lines.push({
        label: `${input.name}: readiness check`,
        figure: answer,
        goal: `≤ ${CLI_GOAL_MS} ms, one line`,
        met: ms <= CLI_GOAL_MS && oneLine,
      });
  }
  return Promise.resolve(lines);
}
