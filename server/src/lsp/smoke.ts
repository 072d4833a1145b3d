// Wires the smoke tests into the language server: code lenses, the quick fix
// (which server.ts adds to its code actions) and the `readiness/runSmokeTests`
// and `readiness/checkBaseUrl` requests, and the last results the client restores from earlier
// sessions (`readiness/restoreSmokeResults`). The client decides whether runs are allowed (workspace trust).
import type { CancellationToken, CodeAction, CodeActionParams, Connection } from 'vscode-languageserver/node';
import type { Analysis } from '../core/api';
import { evidenceCodeActions } from './evidenceActions';
import {
  checkBaseUrlRequest,
  checklistChangedNotification,
  restoreSmokeResultsNotification,
  runSmokeTestsRequest,
  type CheckBaseUrlResult,
  type LastSmokeResultView,
  type RunSmokeTestsResult,
} from '../protocol';
import { restoredEntries } from './restoredResults';
import { smokeCodeActions, smokeCodeLenses, smokeSuiteOf } from './smokeEditor';
import { baseUrlProblem, SmokeRuns, type SmokeRunHost } from './smokeRuns';

export interface SmokeTestsFeature {
  codeActions(params: CodeActionParams, analysis: Analysis, text: string): CodeAction[];
  /** The last result of each of the document's smoke tests run in this session (or restored from an earlier one), by test key. */
  lastResults(uri: string): ReadonlyMap<string, LastSmokeResultView>;
}

export function registerSmokeTests(connection: Connection, host: SmokeRunHost): SmokeTestsFeature {
  const runs = new SmokeRuns(connection, host);

  connection.onCodeLens(async (params) => {
    const analysis = await host.analysis(params.textDocument.uri);
    const document = host.document(params.textDocument.uri);
    if (!analysis || !document) return [];
    const text = document.getText();
    return smokeCodeLenses(document.uri, text, smokeSuiteOf(host.service, analysis, text), host.t());
  });

  connection.onRequest(runSmokeTestsRequest, (params, token: CancellationToken): Promise<RunSmokeTestsResult> =>
    runs.run(params, token),
  );
  connection.onNotification(restoreSmokeResultsNotification, async (params: unknown) => {
    for (const uri of runs.restore(restoredEntries(params, new Date()))) {
      // Views refresh what they show; a closed file (maybe gone since) is not made a checklist by this.
      const analysis = host.document(uri) ? await host.analysis(uri) : undefined;
      void connection.sendNotification(checklistChangedNotification, {
        uri,
        version: host.document(uri)?.version ?? -1,
        isChecklist: analysis !== undefined,
        progress: analysis?.progress,
      });
    }
  });
  connection.onRequest(checkBaseUrlRequest, async (params): Promise<CheckBaseUrlResult> => {
    const problem = baseUrlProblem(
      host.service,
      params.baseUrl,
      params.stagingHost ?? (await stagingHostOf(params.uri)),
      host.t(),
    );
    return problem === undefined ? {} : { problem };
  });

  /** The staging host an open checklist's smoke tests name. */
  async function stagingHostOf(uri: string | undefined): Promise<string | undefined> {
    const document = uri === undefined ? undefined : host.document(uri);
    const analysis = document && (await host.analysis(document.uri));
    return document && analysis ? smokeSuiteOf(host.service, analysis, document.getText()).stagingHost : undefined;
  }

  return {
    codeActions: (params, analysis, text) => {
      const suite = smokeSuiteOf(host.service, analysis, text);
      return [
        ...smokeCodeActions(host.service, params, suite, host.t()),
        ...evidenceCodeActions(params, analysis, suite, host.t()),
      ];
    },
    lastResults: (uri) => runs.lastResults(uri),
  };
}
