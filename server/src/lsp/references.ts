// File references over LSP: the missing-file and content findings merged into a
// document's analysis before it is published, document links, hovers, quick
// fixes (create from template, link an existing file, insert a link, tick the
// runbook's boxes) and re-analysis when watched files change.
import {
  CodeAction,
  CodeActionKind,
  Command,
  CreateFile,
  FileChangeType,
  MarkupKind,
  TextDocumentEdit,
  TextEdit,
  type CodeActionParams,
  type Diagnostic,
  type DocumentLink,
  type FileEvent,
  type Hover,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import {
  intersects,
  type Analysis,
  type FileFacts,
  type ReferenceBases,
  type ReferenceContext,
  type ReferenceFix,
  type Translate,
} from '../core/api';
import type { ReadinessService } from '../core/service';
import { filterByOnly } from './codeActions';
import { DIAGNOSTIC_SOURCE } from './convert';
import { FileFactsCache } from './fileFacts';
import { COMMANDS, type LinkExistingFileArguments, type LinkExistingFileParams } from '../protocol';

export interface ReferenceHost {
  readonly service: ReadinessService;
  /** The path (URI path) of the workspace folder holding the document, if any. */
  folderOf(uri: string): string | undefined;
  t(): Translate;
  /** Whether the client applies workspace edits that create files. */
  canCreateFiles(): boolean;
  /** Told the open documents whose references changed on disk, seen without file events, to be analysed again. */
  changed?(uris: string[]): void;
}

/** What the last analysis of a document was checked against. */
interface Snapshot {
  readonly bases: ReferenceBases;
  readonly facts: FileFacts;
  readonly paths: readonly string[];
}

export class ReferenceChecks {
  readonly files: FileFactsCache;
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(private readonly host: ReferenceHost) {
    this.files = new FileFactsCache(host.service, (paths) => host.changed?.(this.affected(paths)));
  }

  /** The analysis with missing-file and runbook-content findings added; called before each publication. */
  async complete(uri: string, analysis: Analysis): Promise<Analysis> {
    const bases = this.basesOf(uri);
    const { references } = this.host.service;
    const paths = references.paths(analysis.checklist, bases);
    const facts = paths.length === 0 || bases[0] === undefined ? new Map() : await this.files.gather(paths, bases[0]);
    this.snapshots.set(uri, { bases, facts, paths });
    // Their messages too go through the analysis' redaction point (a finding whose message needs nothing
    // keeps its identity, and its cached diagnostic).
    const found = references.findings({ checklist: analysis.checklist, bases, facts }, this.host.t()).map((f) => {
      const message = analysis.safeText(f.message);
      return message === f.message ? f : { ...f, message };
    });
    return references.withFindings(analysis, found);
  }

  /**
   * Forgets the facts of changed files and returns the open documents whose
   * references they touch, to be analysed (and published) again.
   */
  filesChanged(changes: readonly FileEvent[]): string[] {
    const changed = changes.map((c) => URI.parse(c.uri).path);
    this.files.invalidate(changed);
    // A file whose content changed only matters when its headings are read: markdown files.
    return this.affected(
      changes
        .filter((c) => c.type !== FileChangeType.Changed || /\.(?:md|markdown|mdown|mkd)$/i.test(c.uri))
        .map((c) => URI.parse(c.uri).path),
    );
  }

  /** The open documents whose last analysis looked at one of these paths, or at a path under or above one. */
  private affected(paths: readonly string[]): string[] {
    const { isInside } = this.host.service.references.path;
    const affected: string[] = [];
    for (const [uri, snapshot] of this.snapshots)
      if (snapshot.paths.some((p) => paths.some((c) => isInside(p, c) || isInside(c, p)))) affected.push(uri);
    return affected;
  }

  forget(uri: string): void {
    this.snapshots.delete(uri);
  }

  links(uri: string, analysis: Analysis): DocumentLink[] {
    const ctx = this.context(uri, analysis);
    if (!ctx) return [];
    return this.host.service.references.links(ctx).map((link) => ({
      range: link.range,
      target: link.kind === 'folder' ? revealInExplorer(link.path) : fileUri(link.path),
      tooltip: link.tooltip,
    }));
  }

  hover(uri: string, analysis: Analysis, position: Position): Hover | null {
    const ctx = this.context(uri, analysis);
    const content = ctx && this.host.service.references.hover(ctx, position);
    return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
  }

  async codeActions(params: CodeActionParams, analysis: Analysis, version: number): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const ctx = this.context(uri, analysis);
    if (!ctx) return [];
    const fixes = this.host.service.references.fixes(
      { ...ctx, documentPath: URI.parse(uri).path, canCreateFiles: this.host.canCreateFiles() },
      params.range,
    );
    const actions: CodeAction[] = [];
    for (const fix of fixes) {
      // The snapshot may be a moment old: never offer to create a file that is there now.
      const creates = await Promise.all(
        fix.creates.map(async (c) => ((await this.files.fresh(c.path, ctx.bases[0])).exists ? undefined : c)),
      );
      const toCreate = creates.filter((c) => c !== undefined);
      if (fix.creates.length > 0 && toCreate.length === 0) continue;
      actions.push(toAction({ ...fix, creates: toCreate }, uri, version, params.context.diagnostics));
    }
    return filterByOnly(actions, params.context.only);
  }

  /** The edit that points the reference at `range` to the chosen file, relative to where the reference resolves. */
  linkExistingFile(params: LinkExistingFileParams, analysis: Analysis): TextEdit | undefined {
    // The exact range the quick fix was offered for: if the text moved since, nothing is rewritten.
    const same = (a: typeof params.range, b: typeof params.range) =>
      a.start.line === b.start.line &&
      a.start.character === b.start.character &&
      a.end.line === b.end.line &&
      a.end.character === b.end.character;
    const reference = analysis.checklist.items.flatMap((i) => i.references).find((r) => same(r.range, params.range));
    const base = this.basesOf(params.uri)[0];
    if (!reference || base === undefined) return undefined;
    const { join, relative } = this.host.service.references.path;
    const folder = reference.directory === undefined ? base : join(base, reference.directory);
    let path = relative(folder, URI.parse(params.target).path);
    if (reference.text.startsWith('./') && !path.startsWith('../')) path = `./${path}`;
    return TextEdit.replace(reference.range, path);
  }

  /** The workspace folder holding the document, then the document's own folder. */
  private basesOf(uri: string): ReferenceBases {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return [];
    const folder = this.host.folderOf(uri);
    return [
      ...new Set(
        [folder, this.host.service.references.path.dirname(parsed.path)].filter((b): b is string => b !== undefined),
      ),
    ];
  }

  private context(uri: string, analysis: Analysis): ReferenceContext | undefined {
    const snapshot = this.snapshots.get(uri);
    return snapshot
      ? { checklist: analysis.checklist, bases: snapshot.bases, facts: snapshot.facts, t: this.host.t() }
      : undefined;
  }
}

function fileUri(path: string): string {
  return URI.from({ scheme: 'file', path }).toString();
}

/**
 * A folder link runs VS Code's `revealInExplorer`: a `file:` link to a folder would
 * try to open it as a text editor and fail with "is a directory". The argument is
 * a marshalled URI (`$mid: 1`), which VS Code revives when it runs a command link.
 */
function revealInExplorer(path: string): string {
  const argument = { $mid: 1, ...URI.from({ scheme: 'file', path }).toJSON() };
  return `command:revealInExplorer?${encodeURIComponent(JSON.stringify([argument]))}`;
}

function toAction(fix: ReferenceFix, uri: string, version: number, diagnostics: readonly Diagnostic[]): CodeAction {
  const answered = diagnostics.filter(
    (d) => d.source === DIAGNOSTIC_SOURCE && fix.answers.some((a) => a.code === d.code && intersects(a.range, d.range)),
  );
  const action = CodeAction.create(fix.title, CodeActionKind.QuickFix);
  if (fix.pickFile) {
    const args: LinkExistingFileArguments = {
      uri,
      range: fix.pickFile.range,
      glob: fix.pickFile.glob,
      reference: fix.pickFile.reference,
    };
    action.command = Command.create(fix.title, COMMANDS.linkExistingFile, args);
  } else {
    action.edit = workspaceEdit(fix, uri, version);
  }
  if (answered.length > 0) action.diagnostics = answered;
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

/** Files are created empty and never over an existing one, then filled; the checklist's own edits come last. */
function workspaceEdit(fix: ReferenceFix, uri: string, version: number): WorkspaceEdit {
  if (fix.creates.length === 0) return { changes: { [uri]: [...fix.edits] } };
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  for (const file of fix.creates) {
    const target = fileUri(file.path);
    documentChanges.push(CreateFile.create(target, { overwrite: false, ignoreIfExists: true }));
    documentChanges.push(
      TextDocumentEdit.create({ uri: target, version: null }, [TextEdit.insert({ line: 0, character: 0 }, file.text)]),
    );
  }
  if (fix.edits.length > 0) documentChanges.push(TextDocumentEdit.create({ uri, version }, [...fix.edits]));
  return { documentChanges };
}
