// The commands `readiness.runSmokeTests` (the code lenses and quick fix, with their
// tests) and `readiness.runAllSmokeTests` (the palette, for the active checklist):
// ask for a base URL if none is set, then have the server run the tests under a
// cancellable progress notification, and say how it went. The server writes the
// evidence into the document; the client never edits markdown itself.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS,
  runSmokeTestsRequest,
  type RunSmokeTestsArguments,
  type RunSmokeTestsParams,
  type RunSmokeTestsResult,
} from '../../../server/src/protocol';
import { BaseUrls } from './baseUrl';
import { explainRestrictedMode } from './restrictedMode';
import type { RunState } from './serverQuestions';

/** A run these commands made: the checklist's URI and the server's result. */
export interface FinishedRun {
  readonly uri: string;
  readonly result: RunSmokeTestsResult;
}

export class SmokeTestRunner implements RunState {
  private readonly baseUrls: BaseUrls;
  private running = 0;
  private readonly ran = new vscode.EventEmitter<FinishedRun>();
  /** Fires after each run these commands made that ran tests (the Testing view keeps and shows their results). */
  readonly onDidRun = this.ran.event;

  constructor(private readonly client: LanguageClient) {
    this.baseUrls = new BaseUrls(client);
  }

  get isRunning(): boolean {
    return this.running > 0;
  }

  /** Work that runs smoke tests outside these commands (the Testing view): the server's questions are answered meanwhile. */
  async during<T>(work: () => Thenable<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
    }
  }

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      this.ran,
      vscode.commands.registerCommand(COMMANDS.runSmokeTests, (args?: RunSmokeTestsArguments) =>
        this.run(args ?? activeChecklist()),
      ),
      // The sidebar names its checklist; the palette runs the active editor's.
      vscode.commands.registerCommand(COMMANDS.runAllSmokeTests, (args?: RunSmokeTestsArguments) =>
        this.run(args ?? activeChecklist()),
      ),
    );
  }

  /** Resolves with the server's result (undefined when nothing was sent), once the evidence is in the document. */
  async run(args: RunSmokeTestsArguments | undefined): Promise<RunSmokeTestsResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      explainRestrictedMode();
      return undefined;
    }
    if (!args) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a checklist in the editor to run its smoke tests.'),
      );
      return undefined;
    }
    const resource = vscode.Uri.parse(args.uri);
    const base = await this.baseUrls.resolve(resource, args.stagingHost);
    if (!base) return undefined;
    // The server runs the tests of open documents only (it pastes their evidence into the editor).
    await vscode.workspace.openTextDocument(resource);
    const result = await this.send({ ...args, ...base });
    if (result.results.length > 0) this.ran.fire({ uri: args.uri, result });
    report(result, this.client);
    return result;
  }

  private send(params: RunSmokeTestsParams): Thenable<RunSmokeTestsResult> {
    const options = {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Readiness'),
      cancellable: true,
    };
    return vscode.window.withProgress(options, async (progress, cancellation) => {
      const workDoneToken = `readiness/runSmokeTests/${randomUUID()}`;
      let done = 0;
      const listener = this.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? done;
        const message = value.message ?? ('title' in value ? value.title : undefined);
        progress.report({ ...(message === undefined ? {} : { message }), increment: Math.max(0, percentage - done) });
        done = Math.max(done, percentage);
      });
      this.running++;
      try {
        return await this.client.sendRequest(runSmokeTestsRequest, { ...params, workDoneToken }, cancellation);
      } finally {
        this.running--;
        listener.dispose();
      }
    });
  }
}

function activeChecklist(): RunSmokeTestsArguments | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? { uri: document.uri.toString() } : undefined;
}

/** Not awaited: the command resolves once the run is over, whatever the user does with the message. */
function report(result: RunSmokeTestsResult, client: LanguageClient): void {
  if (result.error !== undefined) {
    const openSettings = vscode.l10n.t('Open Settings');
    void vscode.window
      .showWarningMessage(result.error, ...(result.needsBaseUrl ? [openSettings] : []))
      .then((choice) => {
        if (choice === openSettings)
          void vscode.commands.executeCommand('workbench.action.openSettings', 'readiness.smoke.baseUrl');
      });
    return;
  }
  const showOutput = vscode.l10n.t('Show Output');
  const message = result.written
    ? vscode.l10n.t('Smoke tests: {0}. The evidence is in the checklist.', result.summary)
    : vscode.l10n.t('Smoke tests: {0}.', result.summary);
  const allPassed = result.failed === 0 && result.notRun === 0 && result.cancelled === 0;
  const shown = allPassed
    ? vscode.window.showInformationMessage(message, showOutput)
    : vscode.window.showWarningMessage(message, showOutput);
  void shown.then((choice) => {
    if (choice === showOutput) client.outputChannel.show(true);
  });
  if (result.dropped.length > 0) void vscode.window.showWarningMessage(result.dropped.join(' '));
}
