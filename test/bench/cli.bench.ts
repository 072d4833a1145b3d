// Issue 17's CLI goals: `readiness check` against markdownlint-cli2 on the same
// repository-sized folder (200 varied copies of the sample), both run as child
// processes side by side, and the CLI's peak memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliBundle, repoRoot } from '../support/paths';
import { compareMs, ratioLine, type BenchLine } from './harness';
import { variedFolder } from './variedCopies';

export const title = 'Repository scale (issue 17): the CLI';

const COPIES = 200;
const SPEED_GOAL = 0.6;
const RSS_GOAL_MB = 150;

const markdownlint = join(repoRoot, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

/** Runs node with `args` in `cwd`, output discarded; resolves when it exits (findings make both tools exit non-zero). */
function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 || code === 1 ? resolve() : reject(new Error(`node ${args.join(' ')} exited with ${code}`)),
    );
  });
}

export async function run(): Promise<BenchLine[]> {
  const folder = variedFolder(COPIES);
  const scratch = mkdtempSync(join(tmpdir(), 'readiness-rss-'));
  try {
    const readiness = () => runNode([cliBundle, 'check', '.', '--fail-on', 'none'], folder);
    const lint = () => runNode([markdownlint, '**/*.md'], folder);
    const [ours, theirs] = await compareMs(readiness, lint, 3, 1);
    const lines: BenchLine[] = [
      ratioLine(
        `readiness check on ${COPIES} varied copies of the sample`,
        ours,
        theirs,
        'markdownlint-cli2',
        SPEED_GOAL,
      ),
    ];
    // Peak resident memory of the whole process (every thread), reported by a preloaded module at exit.
    const rssFile = join(scratch, 'max-rss');
    const peaks: number[] = [];
    for (let i = 0; i < 3; i++) {
      await runNode(
        ['--import', pathToFileURL(join(__dirname, 'maxRss.mjs')).href, cliBundle, 'check', '.', '--fail-on', 'none'],
        folder,
        { ...process.env, READINESS_BENCH_MAX_RSS: rssFile },
      );
      peaks.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
    }
    const peak = Math.max(...peaks);
    lines.push({
      label: `peak RSS of readiness check on them (largest of 3 runs)`,
      figure: `${peak.toFixed(0)} MB`,
      goal: `≤ ${RSS_GOAL_MB} MB`,
      met: peak <= RSS_GOAL_MB,
    });
    return lines;
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}
