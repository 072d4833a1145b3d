// A real window reload, and reading the workbench as the user sees it. The offline harness
// (test/e2e/harness) registers both commands: the reload tells the launcher first, so it expects
// the harness to start again in the new window (and run the suite once more, with
// windowNumber() === 2); the query asks the launcher to read the browser page's DOM. Desktop VS
// Code has neither, so the suites that need them run offline only (scripts/e2e/run.mjs).
import * as vscode from 'vscode';

/** Registered by test/e2e/harness; keep the two in step. */
export const RELOAD_COMMAND = 'readinessE2E.reloadWindow';
export const QUERY_COMMAND = 'readinessE2E.queryWorkbench';

/** 1 in the window the run opened, 2 after one reload, and so on (the harness sets it as it starts). */
export function windowNumber(): number {
  return Number(process.env.READINESS_E2E_WINDOW ?? '1');
}

/** Reloads the window with `workbench.action.reloadWindow`; the suite's run() should return right after. */
export async function reloadWindow(): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(RELOAD_COMMAND)) throw new Error('a window reload needs the offline harness (scripts/e2e)');
  await vscode.commands.executeCommand(RELOAD_COMMAND);
}

export interface WorkbenchQuery {
  /** A CSS selector of the workbench DOM. */
  readonly selector: string;
  /** Wait until an element matching `selector` contains this text. */
  readonly containing?: string;
  /** Wait until that element (or, without `containing`, any match) holds an element matching this selector. */
  readonly holding?: string;
}

/** One element of the workbench DOM as a test reads it. */
export interface WorkbenchElement {
  readonly text: string;
  /** The class names of the codicons inside it (the Testing view's state icons are codicons). */
  readonly icons: readonly string[];
}

/** The elements matching the query's selector, once one satisfies it (the launcher waits on the DOM, 20 s at most). */
export async function queryWorkbench(query: WorkbenchQuery): Promise<readonly WorkbenchElement[]> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(QUERY_COMMAND))
    throw new Error('reading the workbench needs the offline harness (scripts/e2e)');
  return vscode.commands.executeCommand<readonly WorkbenchElement[]>(QUERY_COMMAND, query);
}
