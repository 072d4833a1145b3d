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

/** Registered by test/e2e/harness; keep the two in step. */
export const RENDER_COMMAND = 'readinessE2E.render';

export interface RenderOptions {
  readonly colorScheme: 'light' | 'dark';
  readonly width?: number;
  readonly height?: number;
}

/** What headless Chromium saw of a page rendered on its own (not in the workbench). */
export interface RenderResult {
  readonly path: string;
  /** Every URL the page asked for besides itself: a self-contained page asks for none. */
  readonly requests: readonly string[];
  /** Console errors and page errors (a CSP violation is one). */
  readonly errors: readonly string[];
  readonly title: string;
  /** The text of the verdict badge. */
  readonly badge: string;
  /** The body's computed background colour, to tell light from dark. */
  readonly background: string;
}

/** Renders `html` in a new page of the headless browser and saves test-results/screenshots/<name>.png; undefined without a browser. */
export async function renderInBrowser(
  name: string,
  html: string,
  options: RenderOptions,
): Promise<RenderResult | undefined> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(RENDER_COMMAND)) return undefined;
  return vscode.commands.executeCommand<RenderResult>(RENDER_COMMAND, name, html, options);
}
