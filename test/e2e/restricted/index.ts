// Entry point of the Restricted Mode suite: the same workspace opened without trusting it.
// Desktop VS Code can't be started untrusted by @vscode/test-electron (it always passes
// --disable-workspace-trust), so only the offline runner runs this suite.
import { runMocha } from '../support/mocha';

export function run(): Promise<void> {
  return runMocha(__dirname);
}
