// Sign-offs over LSP: the "Sign off as NAME" quick fix (NAME from git's user.name
// in the workspace folder), "Sign off again as NAME, today" on a stale sign-off, and,
// when git knows no name, "Sign off..." which runs the client command
// `readiness.signOff`; the client asks for the name and sends `readiness/signOff`.
import { dirname } from 'node:path';
import {
  CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { intersects, range, type Analysis, type Now, type SignOff, type Translate } from '../core/api';
import type { ReadinessService } from '../core/service';
import { gitUserName } from '../node/gitUser';
import { filterByOnly } from './codeActions';
import { DIAGNOSTIC_SOURCE } from './convert';
import { COMMANDS, signOffRequest, type SignOffArguments, type SignOffParams } from '../protocol';

export interface SignOffHost {
  readonly service: ReadinessService;
  document(uri: string): TextDocument | undefined;
  analysis(uri: string): Promise<Analysis | undefined>;
  /** The workspace folder holding the document (its path), if any. */
  folderOf(uri: string): string | undefined;
  now(): Now;
  t(): Translate;
}

export class SignOffs {
  constructor(
    private readonly connection: Connection,
    private readonly host: SignOffHost,
  ) {
    connection.onRequest(signOffRequest, (params: SignOffParams) => this.signOff(params));
  }

  async codeActions(params: CodeActionParams, analysis: Analysis): Promise<CodeAction[]> {
    const wanted = analysis.signOffs.filter(
      (s) =>
        intersects(lineRange(s), params.range) &&
        (s.name === undefined || s.date === undefined || this.host.service.signOffs.isStale(s)),
    );
    if (wanted.length === 0) return [];
    const uri = params.textDocument.uri;
    const name = await this.signerName(uri);
    const t = this.host.t();
    const actions: CodeAction[] = [];
    for (const signOff of wanted) {
      const diagnostics = params.context.diagnostics.filter(
        (d) => d.source === DIAGNOSTIC_SOURCE && ours(d) && intersects(d.range, lineRange(signOff)),
      );
      const fix = name === undefined ? undefined : this.host.service.signOffs.fix(signOff, name, this.host.now(), t);
      let action: CodeAction;
      if (fix) {
        action = CodeAction.create(fix.title, { changes: { [uri]: [...fix.edits] } }, CodeActionKind.QuickFix);
        action.isPreferred = true;
      } else {
        const args: SignOffArguments = { uri, line: signOff.line };
        action = CodeAction.create(
          t('fix.signOffAsk'),
          { title: t('fix.signOffAsk'), command: COMMANDS.signOff, arguments: [args] },
          CodeActionKind.QuickFix,
        );
      }
      if (diagnostics.length > 0) action.diagnostics = diagnostics;
      actions.push(action);
    }
    return filterByOnly(actions, params.context.only);
  }

  /** `readiness/signOff`: the name the user typed, applied to the sign-off on that line. */
  private async signOff(params: SignOffParams): Promise<boolean> {
    const analysis = await this.host.analysis(params.uri);
    const document = this.host.document(params.uri);
    const signOff = analysis?.signOffs.find((s) => s.line === params.line);
    if (!document || !signOff || typeof params.name !== 'string') return false;
    const fix = this.host.service.signOffs.fix(signOff, params.name, this.host.now(), this.host.t());
    if (!fix) return false;
    const result = await this.connection.workspace.applyEdit({
      label: fix.title,
      documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [...fix.edits] }],
    });
    return result.applied;
  }

  private signerName(uri: string): Promise<string | undefined> {
    const parsed = URI.parse(uri);
    const workspaceFolder = this.host.folderOf(uri);
    const folder =
      workspaceFolder !== undefined
        ? URI.from({ scheme: 'file', path: workspaceFolder }).fsPath
        : parsed.scheme === 'file'
          ? dirname(parsed.fsPath)
          : undefined;
    return folder === undefined ? Promise.resolve(undefined) : gitUserName(folder);
  }
}

function ours(d: Diagnostic): boolean {
  return d.code === 'stale-signoff' || d.code === 'unfilled-placeholder';
}

function lineRange(signOff: SignOff) {
  return range(
    signOff.line,
    0,
    signOff.line,
    Math.max(signOff.nameRange.end.character, signOff.dateRange.end.character),
  );
}
