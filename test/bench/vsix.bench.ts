// Issue 17's lean package: the size of the VSIX `npm run package` builds (CI fails above 500 KB).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';
import type { BenchLine } from './harness';

export const title = 'Repository scale (issue 17): the package';

const GOAL_KB = 500;

export function run(): Promise<BenchLine[]> {
  const folder = mkdtempSync(join(tmpdir(), 'readiness-vsix-'));
  try {
    const out = join(folder, 'readiness.vsix');
    // Packaging builds dist/ for production (vscode:prepublish), as a release would.
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'package.mjs'), '--out', out], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`packaging failed (exit ${result.status})`);
    const kb = statSync(out).size / 1024;
    return Promise.resolve([
      { label: 'VSIX size', figure: `${kb.toFixed(1)} KB`, goal: `≤ ${GOAL_KB} KB`, met: kb <= GOAL_KB },
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
