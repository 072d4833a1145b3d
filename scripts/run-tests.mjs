// Runs every unit, language-server and CLI test with node's own test runner.
// TypeScript and the ESM-only markdown libraries load through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const folders = ['test/unit', 'test/lsp', 'test/cli', 'test/integration'];
const files = folders.flatMap((folder) =>
  readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(folder, name)),
);
const only = process.argv.slice(2);
const selected = only.length > 0 ? files.filter((file) => only.some((part) => file.includes(part))) : files;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...selected], { stdio: 'inherit' });
process.exit(result.status ?? 1);
