// Entry point of the reload suite, which runs in two windows of the same workspace: in the first,
// before-reload.test.ts runs smoke tests and the suite reloads the window with VS Code's own
// workbench.action.reloadWindow; the harness then starts again in the new window (same browser page,
// same workspace storage, a new extension host and language server), where after-reload.test.ts
// checks what came back without running anything.
import { runMocha } from '../support/mocha';
import { reloadWindow, windowNumber } from '../support/window';

export async function run(): Promise<void> {
  if (windowNumber() > 1) return runMocha(__dirname, (name) => name.startsWith('after-reload'));
  await runMocha(__dirname, (name) => name.startsWith('before-reload'));
  await reloadWindow();
}
