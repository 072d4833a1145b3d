// "Readiness: Open Report": the server's HTML report of a checklist in a webview beside it, asked
// again whenever the server says the checklist changed. The page runs under the content security
// policy the server writes into it: nothing loads, and only the nonce'd script given here runs,
// which posts `{ type: 'reveal', line }` when a row is clicked. "Export Report…" writes the HTML or
// the markdown report where the user chooses.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { reportRequest, type ReportParams, type ReportResult } from '../../../server/src/protocol';
export const REPORT_VIEW_TYPE = 'readiness.report';

interface Panel {
  readonly panel: vscode.WebviewPanel;
  readonly uri: string;
  /** Bumped per request, so a slow answer never replaces a newer one. */
  generation: number;
  /** The document changed while the panel was hidden: render when it shows again. */
  stale: boolean;
}

export interface ReportPanelsTestApi {
  /** Fires with the document's URI each time a report panel shows a new rendering. */
  readonly onDidRender: vscode.Event<string>;
  /** The HTML a report panel shows, by document URI. */
  html(uri: string): string | undefined;
  /** The report of an open checklist as `readiness/report` gives it for a file (no webview script). */
  report(uri: string, format: ReportParams['format']): Promise<ReportResult | undefined>;
}

export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, Panel>();
  private readonly rendered = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.rendered];

  constructor(
    private readonly client: LanguageClient,
    /** Fires when the server has a new analysis of some checklist (the sidebar's store). */
    changed: vscode.Event<void>,
  ) {
    this.disposables.push(changed(() => this.refreshAll()));
  }

  async open(uri: string): Promise<void> {
    // The server reports on open documents: open it (in the background) if it is not.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const key = document.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return this.render(existing);
    }
    const panel = vscode.window.createWebviewPanel(
      REPORT_VIEW_TYPE,
      vscode.l10n.t('Readiness Report'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    const entry: Panel = { panel, uri: key, generation: 0, stale: false };
    this.panels.set(key, entry);
    panel.onDidDispose(() => this.panels.delete(key));
    panel.onDidChangeViewState(() => {
      if (panel.visible && entry.stale) void this.render(entry);
    });
    panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(entry, message));
    await this.render(entry);
  }

  /** Writes the report of a checklist as HTML or markdown, as the save dialog's file name says. */
  async export(uri: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const folder = vscode.Uri.joinPath(document.uri, '..');
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the Readiness report'),
      defaultUri: vscode.Uri.joinPath(folder, `${name}.report.html`),
      filters: { [vscode.l10n.t('HTML page')]: ['html', 'htm'], [vscode.l10n.t('Markdown')]: ['md', 'markdown'] },
    });
    if (!target) return;
    const format: ReportParams['format'] = /\.(?:md|markdown)$/i.test(target.path) ? 'md' : 'html';
    const result = await this.request({ uri: document.uri.toString(), format });
    if (!result?.isChecklist) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a checklist, so it has no report.', name));
      return;
    }
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The report could not be written: {0}', error instanceof Error ? error.message : String(error)),
      );
      return;
    }
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} — report written to {1}',
        result.verdict?.summary ?? '',
        vscode.workspace.asRelativePath(target),
      ),
    );
  }

  get testApi(): ReportPanelsTestApi {
    return {
      onDidRender: this.rendered.event,
      html: (uri) => this.panels.get(vscode.Uri.parse(uri).toString())?.panel.webview.html,
      report: (uri, format) => this.request({ uri, format }),
    };
  }

  private refreshAll(): void {
    for (const entry of this.panels.values()) {
      if (entry.panel.visible) void this.render(entry);
      else entry.stale = true;
    }
  }

  private async render(entry: Panel): Promise<void> {
    const generation = ++entry.generation;
    entry.stale = false;
    // A fresh nonce per rendering: the policy of the page allows exactly the script of this answer.
    const nonce = randomBytes(18).toString('base64url');
    const result = await this.request({ uri: entry.uri, format: 'html', nonce });
    if (generation !== entry.generation || !this.panels.has(entry.uri)) return;
    if (!result?.isChecklist) {
      entry.panel.webview.html = notAChecklist(
        vscode.l10n.t('This document is no longer a checklist, so it has no report.'),
      );
    } else {
      entry.panel.title = vscode.l10n.t('Report: {0}', result.verdict?.decision === 'go' ? 'GO' : 'NO-GO');
      entry.panel.webview.html = result.content;
    }
    this.rendered.fire(entry.uri);
  }

  private request(params: ReportParams): Promise<ReportResult | undefined> {
    return this.client.sendRequest(reportRequest, params).then(
      (result) => result,
      () => undefined,
    );
  }

  /** A click on a row: show the checklist in its editor with that line selected. */
  private async onMessage(entry: Panel, message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, line } = message as { type?: unknown; line?: unknown };
    if (type !== 'reveal' || typeof line !== 'number' || !Number.isInteger(line) || line < 0) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.uri));
    const target = document.lineAt(Math.min(line, document.lineCount - 1)).range;
    const column =
      vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? vscode.ViewColumn.One;
    await vscode.window.showTextDocument(document, { viewColumn: column, selection: target, preserveFocus: false });
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function notAChecklist(message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${escaped}</p></body></html>`;
}
