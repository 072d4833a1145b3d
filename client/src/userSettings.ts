// Sends the language server only the `readiness.*` settings the user actually
// set (user, workspace or folder), not VS Code's defaults, so a value in the
// project's `.readiness.json` is not hidden by a default the user never chose.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

type ConfigurationMiddleware = NonNullable<NonNullable<Middleware['workspace']>['configuration']>;

/** The `readiness.*` keys the extension contributes, without the prefix (`smoke.captures`). */
function contributedKeys(extension: vscode.ExtensionContext['extension']): string[] {
  const contributes = (
    extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, unknown> } } }
  ).contributes;
  return Object.keys(contributes?.configuration?.properties ?? {})
    .filter((key) => key.startsWith('readiness.'))
    .map((key) => key.slice('readiness.'.length));
}

/** The settings of `readiness` the user set for a resource, as a nested object. */
export function userSetReadiness(keys: readonly string[], scope: vscode.Uri | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('readiness', scope);
  const out: Record<string, unknown> = {};
  // Keys written in settings.json that the extension does not declare (`severity.overdue`), whole.
  const extra = Object.keys(config).filter(
    (k) =>
      typeof (config as unknown as Record<string, unknown>)[k] !== 'function' &&
      !keys.some((key) => key === k || key.startsWith(`${k}.`)),
  );
  for (const key of [...keys, ...extra]) {
    const inspected = config.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined) continue;
    const path = key.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1] ?? key] = value;
  }
  return out;
}

export function userSettingsMiddleware(extension: vscode.ExtensionContext['extension']): ConfigurationMiddleware {
  const keys = contributedKeys(extension);
  return async (params, token, next) => {
    const answers = await next(params, token);
    if (!Array.isArray(answers)) return answers;
    const list: unknown[] = answers;
    const merged: unknown[] = params.items.map((item, i) =>
      item.section === 'readiness'
        ? userSetReadiness(keys, item.scopeUri === undefined ? undefined : vscode.Uri.parse(item.scopeUri))
        : list[i],
    );
    return merged;
  };
}
