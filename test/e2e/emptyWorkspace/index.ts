// Entry point of the empty-folder suite: VS Code opened on test/fixtures/empty-workspace, a folder
// without any checklist, where the Readiness sidebar shows its welcome view.
import { runMocha } from '../support/mocha';

export function run(): Promise<void> {
  return runMocha(__dirname);
}
