// Screenshots of the real workbench. The offline harness (test/e2e/harness) registers a
// command that asks the launcher to photograph the browser page; in desktop VS Code there is
// no such command and screenshot() does nothing, so the same tests run in both.
import * as vscode from 'vscode';

/** Registered by test/e2e/harness; keep the two in step. */
export const SCREENSHOT_COMMAND = 'readinessE2E.screenshot';

export interface ScreenshotOptions {
  /** A CSS selector of the workbench DOM to wait for (visible) before the picture is taken, e.g. a hover. */
  readonly waitForSelector?: string;
  /** A key the launcher presses in the browser after the picture, e.g. 'Escape' to close a menu. */
  readonly pressAfter?: string;
}

/** Saves test-results/screenshots/<name>.png; resolves with its path, or undefined without a camera. */
export async function screenshot(name: string, options: ScreenshotOptions = {}): Promise<string | undefined> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(SCREENSHOT_COMMAND)) return undefined;
  return vscode.commands.executeCommand<string>(SCREENSHOT_COMMAND, name, options);
}
