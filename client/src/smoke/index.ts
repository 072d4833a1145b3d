// Running a checklist's curl smoke tests from the editor: the commands, the answers
// to the server's questions (secrets, foreign hosts) and the Restricted Mode marks.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { markSmokeRunsInRestrictedMode } from './restrictedMode';
import { SmokeTestRunner } from './runSmokeTests';
import { answerServerQuestions } from './serverQuestions';

/**
 * Call before `client.start()`, so the server's questions have their handlers from the first run.
 * The server keeps each test's last result for the sidebar.
 */
export function registerSmokeTests(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): { runner: SmokeTestRunner; disposable: vscode.Disposable } {
  const runner = new SmokeTestRunner(client);
  return {
    runner,
    disposable: vscode.Disposable.from(
      runner.register(),
      answerServerQuestions(client, context.secrets, runner),
      markSmokeRunsInRestrictedMode(client),
    ),
  };
}
