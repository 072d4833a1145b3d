// What activate() returns: a small, read-only API for the integration tests (test/e2e), so
// they can wait on the extension's own events instead of sleeping. Not a public API: it may
// change with the tests.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReportPanelsTestApi } from './report/reportPanel';
import type { SidebarTestApi } from './sidebar/sidebar';
import type { SmokeTestController } from './testing/testController';

export interface ReadinessTestApi {
  /**
   * Fires with a document's URI each time the Readiness server's diagnostics for it have been
   * applied (pushed or pulled), including the empty set for a markdown file that is not a checklist.
   * `vscode.languages.onDidChangeDiagnostics` cannot tell that "nothing" apart from silence.
   */
  readonly onDidPublishDiagnostics: vscode.Event<vscode.Uri>;
  /** The Readiness sidebar: its rows, badge, message and status bar text, and an event after each refresh. */
  readonly sidebar: SidebarTestApi;
  /** The report webviews: the HTML each shows, and an event after each rendering. */
  readonly reports: ReportPanelsTestApi;
  /** The Testing view's smoke tests: the controller, its refresh and run events, and the stored last results. */
  readonly testing: SmokeTestController;
}

/** Call before `client.start()` so the first publications are seen too. */
export function createTestApi(
  client: LanguageClient,
  subscriptions: vscode.Disposable[],
  sidebar: SidebarTestApi,
  reports: ReportPanelsTestApi,
  testing: SmokeTestController,
): ReadinessTestApi {
  const published = new vscode.EventEmitter<vscode.Uri>();
  subscriptions.push(published);
  // The client reads its middleware on every publication, so wrapping it here (keeping any
  // handler the extension set itself) needs no change to the client options.
  const middleware = client.middleware;
  const previous = middleware.handleDiagnostics;
  middleware.handleDiagnostics = (uri, diagnostics, next) => {
    if (previous) previous(uri, diagnostics, next);
    else next(uri, diagnostics);
    published.fire(uri);
  };
  // Pulled diagnostics (what VS Code's client uses with this server): the client applies a report after
  // the middleware returns it, so the event fires a turn later, when getDiagnostics() already has them.
  const previousPull = middleware.provideDiagnostics;
  middleware.provideDiagnostics = async (document, previousResultId, token, next) => {
    const report = await (previousPull
      ? previousPull(document, previousResultId, token, next)
      : next(document, previousResultId, token));
    const uri = document instanceof vscode.Uri ? document : document.uri;
    setTimeout(() => published.fire(uri), 0);
    return report;
  };
  return { onDidPublishDiagnostics: published.event, sidebar, reports, testing };
}
