// Wires the smoke tests into the language server: code lenses, the quick fix
// (which server.ts adds to its code actions) and the `readiness/runSmokeTests`
// request. The client decides whether runs are allowed (workspace trust).
import type { CancellationToken, CodeAction, CodeActionParams, Connection } from 'vscode-languageserver/node';
import type { Analysis } from '../core/analyzer';
import { evidenceCodeActions } from './evidenceActions';
import { RUN_SMOKE_TESTS_REQUEST, type RunSmokeTestsParams, type RunSmokeTestsResult } from './protocol';
import { smokeCodeActions, smokeCodeLenses, smokeSuiteOf } from './smokeEditor';
import { SmokeRuns, type SmokeRunHost } from './smokeRuns';

export interface SmokeTestsFeature {
  codeActions(params: CodeActionParams, analysis: Analysis, text: string): CodeAction[];
}

export function registerSmokeTests(connection: Connection, host: SmokeRunHost): SmokeTestsFeature {
  const runs = new SmokeRuns(connection, host);

  connection.onCodeLens(async (params) => {
    const analysis = await host.analysis(params.textDocument.uri);
    const document = host.document(params.textDocument.uri);
    if (!analysis || !document) return [];
    const text = document.getText();
    return smokeCodeLenses(document.uri, text, smokeSuiteOf(analysis, text), host.t());
  });

  connection.onRequest(RUN_SMOKE_TESTS_REQUEST, (params: RunSmokeTestsParams, token: CancellationToken): Promise<RunSmokeTestsResult> => runs.run(params, token));

  return {
    codeActions: (params, analysis, text) => {
      const suite = smokeSuiteOf(analysis, text);
      return [...smokeCodeActions(params, suite, host.t()), ...evidenceCodeActions(params, analysis, suite, host.t())];
    },
  };
}
