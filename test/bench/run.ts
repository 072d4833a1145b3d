// `npm run bench`: every timing goal is a ratio of two things measured side by
// side in this one run, so the figures hold on any machine.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule } from './harness';

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();

async function main(): Promise<void> {
  let failed = false;
  for (const file of files) {
    const module = (await import(join(__dirname, file))) as BenchModule;
    console.log(`\n## ${module.title}`);
    for (const line of await module.run()) {
      const verdict = line.goal === undefined ? '' : line.met ? '  ok' : '  MISSED';
      if (line.goal !== undefined && !line.met) failed = true;
      console.log(`${line.label}: ${line.figure}${line.goal ? ` (goal ${line.goal})` : ''}${verdict}`);
    }
  }
  if (failed) process.exitCode = 1;
}

void main();
