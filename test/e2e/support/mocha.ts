// The body of a suite's run(): the entry point VS Code's --extensionTestsPath loads in the
// extension host (and the offline harness loads the same way). It runs every *.test.js next
// to the bundled index (or those `files` keeps), in name order, and rejects when a test failed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function runMocha(folder: string, files: (name: string) => boolean = () => true): Promise<void> {
  // Stack traces of failures then point at test/e2e/**/*.ts rather than the bundles.
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    // Per test; each wait inside a test has its own, shorter timeout with a clearer message.
    timeout: 60_000,
    // Durations under this are not flagged as slow; a first activation takes a second or two.
    slow: 5_000,
    color: !process.env.NO_COLOR && !process.env.CI,
    // `npm run test:e2e -- --grep <text>` runs only the tests whose full title contains it.
    ...(process.env.READINESS_E2E_GREP ? { grep: process.env.READINESS_E2E_GREP } : {}),
  });
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.test.js') && files(name))
    .sort())
    mocha.addFile(join(folder, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
