// Typed calls of the server's `readiness/...` messages. The method names are repeated here as
// literals checked against the protocol's types, since the client imports no server values.
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClientRequests, ServerNotifications } from '../../../server/src/lsp/protocol';

export const CHECKLIST = 'readiness/checklist' satisfies keyof ClientRequests;
export const WORKSPACE_CHECKLISTS = 'readiness/workspaceChecklists' satisfies keyof ClientRequests;
export const SET_STATE = 'readiness/setState' satisfies keyof ClientRequests;
export const CHECKLIST_CHANGED = 'readiness/checklistChanged' satisfies keyof ServerNotifications;

export function request<M extends keyof ClientRequests>(client: LanguageClient, method: M, params: ClientRequests[M]['params']): Promise<ClientRequests[M]['result']> {
  return client.sendRequest<ClientRequests[M]['result']>(method, params);
}
