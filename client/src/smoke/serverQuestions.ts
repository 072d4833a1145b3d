// What the server asks the user during a smoke-test run: the value of a secret
// variable (from VS Code's SecretStorage, else typed once and optionally saved)
// and whether a request may go to a foreign host. Questions are answered only
// while a run this client started is in flight, and only in a trusted workspace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  confirmForeignHostRequest,
  secretRequest,
  type ConfirmForeignHostParams,
  type SecretParams,
  type SecretResult,
} from '../../../server/src/protocol';
import { secretStorageKey } from '../secretStorage';
import { sealSecret } from './sealSecret';

/** The names the document's `<NAME>` variables can have; anything else is not a question we answer. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface RunState {
  readonly isRunning: boolean;
}

export function answerServerQuestions(
  client: LanguageClient,
  secrets: vscode.SecretStorage,
  runs: RunState,
): vscode.Disposable {
  // Typed this session and not saved: asked once, not again on every run.
  const typed = new Map<string, string>();
  const answering = () => vscode.workspace.isTrusted && runs.isRunning;

  const secret = client.onRequest(secretRequest, async (params: SecretParams): Promise<SecretResult> => {
    if (!answering() || !VARIABLE_NAME.test(params.name)) return { sealed: null };
    const value =
      (await secrets.get(secretStorageKey(params.name))) ?? typed.get(params.name) ?? (await askFor(params.name));
    if (value === undefined || value === '') return { sealed: null };
    return { sealed: sealSecret(params.name, value, params.publicKey) };
  });

  async function askFor(name: string): Promise<string | undefined> {
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Readiness: the value of {0} for the smoke tests', name),
      prompt: vscode.l10n.t('Sent only to the staging host; never written into the checklist or the output.'),
      placeHolder: name,
      password: true,
      ignoreFocusOut: true,
    });
    if (value === undefined || value === '') return undefined;
    typed.set(name, value);
    // Not awaited: the run goes on while the offer stands.
    const save = vscode.l10n.t('Save');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Save {0} in VS Code secret storage for later smoke-test runs?', name),
        save,
      )
      .then(async (choice) => {
        if (choice !== save) return;
        await secrets.store(secretStorageKey(name), value);
        typed.delete(name);
      });
    return value;
  }

  const confirm = client.onRequest(
    confirmForeignHostRequest,
    async (params: ConfirmForeignHostParams): Promise<boolean> => {
      if (!answering()) return false;
      const send = vscode.l10n.t('Send');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Smoke test {0} calls {1}, which is not the staging server.', params.testNumber, params.host),
        {
          modal: true,
          detail: `${foreignRequestLines(params).join('\n')}\n\n${vscode.l10n.t('{0} is neither the host of readiness.smoke.baseUrl nor in readiness.smoke.allowedHosts. No secret is ever sent to it. Send this request?', params.host)}`,
        },
        send,
      );
      return choice === send;
    },
  );

  return vscode.Disposable.from(secret, confirm);
}

/** What the request would send, values left out: method and URL, where it was redirected from, header names, body and files. */
export function foreignRequestLines(params: ConfirmForeignHostParams): string[] {
  const lines = [`${params.method} ${params.url}`];
  if (params.redirectedFrom !== undefined) lines.push(vscode.l10n.t('Redirected from {0}', params.redirectedFrom));
  lines.push(
    vscode.l10n.t('Headers (values not shown): {0}', params.headers.length > 0 ? params.headers.join(', ') : '—'),
  );
  if (params.files.length > 0) lines.push(vscode.l10n.t('Body: uploads {0}', params.files.join(', ')));
  else lines.push(params.body ? vscode.l10n.t('Body: yes') : vscode.l10n.t('Body: none'));
  return lines;
}
