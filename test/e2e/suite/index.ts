// Entry point of the integration suite (trusted workspace), in the form
// @vscode/test-electron expects: VS Code (or our offline harness) calls run() in the
// extension host. Tests are the *.test.ts files of this folder; they run in name order.
import { runMocha } from '../support/mocha';

export function run(): Promise<void> {
  return runMocha(__dirname);
}
