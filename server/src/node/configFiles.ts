// The Node side of the core's ConfigFilePort: reads `.readiness.json` and
// package.json files, shared by the language server and the CLI.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigFilePort } from '../core/ports';

/** Configuration files larger than this are not configuration: they are read as a problem, not loaded. */
const MAX_CONFIG_SIZE = 1_000_000;

export const nodeConfigFiles: ConfigFilePort = {
  async readText(path) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    if (info.size > MAX_CONFIG_SIZE) return `/* larger than ${MAX_CONFIG_SIZE} bytes */ !`;
    return readFile(path, 'utf8').catch(() => undefined);
  },
  async isRepositoryRoot(folder) {
    return (await stat(join(folder, '.git')).catch(() => undefined)) !== undefined;
  },
};
