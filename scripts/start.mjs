// `npm start` until the real-VS-Code launcher exists: check the sample checklist with the CLI.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'check', 'test/fixtures/workspace/ENTREGABLES.md'], { stdio: 'inherit' });
console.log(`\nreadiness check exited with ${result.status ?? 'a signal'}.`);
