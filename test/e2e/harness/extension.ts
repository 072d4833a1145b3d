// The offline runner's stand-in for VS Code's --extensionTestsPath. code-server has no such
// flag, so scripts/e2e/launcher.mjs installs this extension next to the one under test with a
// harness.json beside it. Once the workbench has started it loads the suite's run() in the
// extension host, forwards everything the suite prints (mocha's spec report) to the launcher
// over loopback HTTP, and reports the outcome. A suite may reload the window: the launcher is
// told, and the harness starts again in the new window and runs the suite once more (it reads
// which window it is in from READINESS_E2E_WINDOW). Without harness.json it does nothing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';
import { RENDER_COMMAND, SCREENSHOT_COMMAND, type RenderOptions, type ScreenshotOptions } from '../support/screenshot';
import { QUERY_COMMAND, RELOAD_COMMAND, type WorkbenchQuery } from '../support/window';

interface HarnessConfig {
  /** The suite's entry module (what --extensionTestsPath names). */
  readonly testsPath: string;
  /** The launcher's report server, on 127.0.0.1. */
  readonly reportUrl: string;
  readonly token: string;
}

type Suite =
  { run(): Promise<void> } | { run(testsRoot: string, done: (error: unknown, failures?: number) => void): void };

/** Posts to the launcher one message at a time, so output arrives in the order it was printed. */
class Launcher {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly config: HarnessConfig) {}

  send(path: string, body: unknown): Promise<unknown> {
    const sent = this.queue.then(() => this.post(path, body));
    this.queue = sent.catch(() => undefined);
    return sent;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(new URL(path, this.config.reportUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-harness-token': this.config.token },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`launcher answered ${response.status} to ${path}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}

/**
 * Copies console output (mocha's spec report) to the launcher, as desktop VS Code copies it to
 * stdout for --extensionTestsPath. VS Code installs its console forwarders as accessors that
 * ignore assignment, so ours is installed the same way, around theirs.
 */
function forwardConsole(launcher: Launcher): void {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const previous = console[method];
    const stream = method === 'error' || method === 'warn' ? 'stderr' : 'stdout';
    const forwarding = (...args: unknown[]): void => {
      previous.apply(console, args);
      void launcher.send('/output', { stream, text: `${format(...args)}\n` });
    };
    Object.defineProperty(console, method, {
      configurable: true,
      enumerable: true,
      get: () => forwarding,
      set: () => undefined,
    });
  }
}

function runSuite(testsPath: string): Promise<void> {
  // The suite is loaded at run time from the path the runner gave, not bundled into this file.
  const suite = createRequire(__filename)(testsPath) as Suite;
  if (suite.run.length < 2) return (suite as { run(): Promise<void> }).run();
  // The older callback form of run(testsRoot, done).
  return new Promise((resolve, reject) =>
    (suite as { run(root: string, done: (error: unknown, failures?: number) => void): void }).run(
      testsPath,
      (error, failures) =>
        error || (failures ?? 0) > 0
          ? reject(error instanceof Error ? error : new Error(`${failures ?? 0} test(s) failed`))
          : resolve(),
    ),
  );
}

export function activate(context: vscode.ExtensionContext): void {
  const configPath = join(context.extensionPath, 'harness.json');
  if (!existsSync(configPath)) return;
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as HarnessConfig;
  const launcher = new Launcher(config);
  let reloading = false;
  context.subscriptions.push(
    vscode.commands.registerCommand(QUERY_COMMAND, (query: WorkbenchQuery) => launcher.send('/query', query)),
    // The launcher first, so that it waits for the next window's harness rather than for this one's outcome.
    vscode.commands.registerCommand(RELOAD_COMMAND, async () => {
      reloading = true;
      await launcher.send('/reload', {});
      void vscode.commands.executeCommand('workbench.action.reloadWindow');
    }),
    vscode.commands.registerCommand(SCREENSHOT_COMMAND, (name: string, options: ScreenshotOptions = {}) =>
      launcher.send('/screenshot', { name, ...options }),
    ),
    vscode.commands.registerCommand(RENDER_COMMAND, (name: string, html: string, options: RenderOptions) =>
      launcher.send('/render', { name, html, ...options }),
    ),
  );
  forwardConsole(launcher);
  void (async () => {
    const { window } = (await launcher.send('/started', {
      vscodeVersion: vscode.version,
      isTrusted: vscode.workspace.isTrusted,
    })) as { window: number };
    process.env.READINESS_E2E_WINDOW = String(window);
    let outcome: { passed: boolean; error?: string };
    try {
      await runSuite(config.testsPath);
      outcome = { passed: true };
    } catch (error) {
      outcome = { passed: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    // A suite that reloaded the window reports from the next one.
    if (!reloading || !outcome.passed) await launcher.send('/finished', outcome);
  })().catch(() => undefined); // the launcher is gone: nobody is left to tell
}
