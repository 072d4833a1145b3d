// The base URL the document's symbolic staging host (`http://staging-host`) stands
// for: `readiness.smoke.baseUrl` when set; otherwise typed once per workspace folder
// and session, with an offer to save it in the workspace settings or as a named environment. What is
// wrong with a typed URL (not http(s), or the checklist's own placeholder host) is the server's answer to
// `readiness/checkBaseUrl`.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkBaseUrlRequest } from '../../../server/src/protocol';

export class BaseUrls {
  private readonly typed = new Map<string, string>();

  constructor(private readonly client: LanguageClient) {}

  /**
   * The setting's value or one the user typed; undefined when they dismissed the prompt. It is sent
   * with the run even when set, so a run right after a settings change never races the server's
   * copy of the settings.
   */
  async resolve(resource: vscode.Uri, stagingHost: string | undefined): Promise<{ baseUrl: string } | undefined> {
    const configured = vscode.workspace.getConfiguration('readiness.smoke', resource).get<string>('baseUrl', '').trim();
    if (configured !== '') return { baseUrl: configured };
    const key = (vscode.workspace.getWorkspaceFolder(resource)?.uri ?? resource).toString();
    const remembered = this.typed.get(key);
    if (remembered) return { baseUrl: remembered };
    const shown = stagingHost ? `http://${stagingHost}` : undefined;
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Readiness: base URL of the staging server'),
      prompt: shown
        ? vscode.l10n.t('The URL that {0} stands for in this checklist', shown)
        : vscode.l10n.t("The URL that the checklist's staging host stands for"),
      placeHolder: 'https://staging.example.com',
      ignoreFocusOut: true,
      validateInput: (input) => this.problemWith(resource, input, stagingHost),
    });
    if (value === undefined) return undefined;
    const baseUrl = value.trim();
    this.typed.set(key, baseUrl);
    void offerToSave(resource, baseUrl);
    return { baseUrl };
  }

  /** The server's word on a typed URL; if it cannot answer, the run's own check will. */
  private async problemWith(
    resource: vscode.Uri,
    baseUrl: string,
    stagingHost: string | undefined,
  ): Promise<string | undefined> {
    const params = { uri: resource.toString(), baseUrl, ...(stagingHost === undefined ? {} : { stagingHost }) };
    return this.client.sendRequest(checkBaseUrlRequest, params).then(
      (result) => result.problem,
      () => undefined,
    );
  }
}

async function offerToSave(resource: vscode.Uri, baseUrl: string): Promise<void> {
  const save = vscode.l10n.t('Save in Workspace Settings');
  const saveEnvironment = vscode.l10n.t('Save as Environment…');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Use {0} for the smoke tests of this workspace from now on (readiness.smoke.baseUrl)?', baseUrl),
    save,
    saveEnvironment,
  );
  const folder = vscode.workspace.getWorkspaceFolder(resource);
  const target = folder
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.workspace.workspaceFolders
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  if (choice === save)
    await vscode.workspace.getConfiguration('readiness.smoke', resource).update('baseUrl', baseUrl, target);
  if (choice === saveEnvironment) await saveAsEnvironment(resource, baseUrl, target);
}

/** A named environment (`readiness.environments`), made the current one: a run profile in the Testing view from now on. */
async function saveAsEnvironment(
  resource: vscode.Uri,
  baseUrl: string,
  target: vscode.ConfigurationTarget,
): Promise<void> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Readiness: name of the environment'),
    prompt: vscode.l10n.t('A name for {0}, such as staging or canary', baseUrl),
    value: 'staging',
    validateInput: (input) =>
      /^[\w.-]+$/.test(input.trim()) ? undefined : vscode.l10n.t('Letters, digits, dots, dashes and underscores'),
  });
  if (name === undefined) return;
  const config = vscode.workspace.getConfiguration('readiness', resource);
  const inspected = config.inspect<Record<string, unknown>>('environments');
  const current =
    (target === vscode.ConfigurationTarget.WorkspaceFolder
      ? inspected?.workspaceFolderValue
      : target === vscode.ConfigurationTarget.Workspace
        ? inspected?.workspaceValue
        : inspected?.globalValue) ?? {};
  await config.update('environments', { ...current, [name.trim()]: { baseUrl } }, target);
  await config.update('environment', name.trim(), target);
}
