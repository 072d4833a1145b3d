import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Tests load as CommonJS through tsx, where __dirname is this file's folder.
export const repoRoot = join(__dirname, '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures');
export const sampleWorkspace = join(fixtures, 'workspace');
export const samplePath = join(sampleWorkspace, 'ENTREGABLES.md');
export const serverBundle = join(repoRoot, 'dist', 'server.js');
export const cliBundle = join(repoRoot, 'dist', 'cli.js');

export function readFixture(...parts: string[]): string {
  return readFileSync(join(fixtures, ...parts), 'utf8');
}

export const sampleText = (): string => readFileSync(samplePath, 'utf8');
