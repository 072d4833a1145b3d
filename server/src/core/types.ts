// Plain data shapes shared by every analysis. They mirror LSP's (0-based lines,
// UTF-16 character offsets) so the server can hand them over unchanged, but the
// core depends on no protocol package.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type FindingCode =
  | 'unfilled-placeholder'
  | 'bracketed-value'
  | 'status-mismatch'
  | 'overdue'
  | 'unparsed-deadline'
  | 'mojibake'
  | 'missing-file'
  | 'secret'
  | 'skipped-large-file'
  | 'unknown-state'
  | 'structure'
  | 'stale-evidence'
  | 'edited-evidence'
  | 'stale-signoff'
  | 'plain-text-block'
  | 'too-many-findings'
  | 'internal-error';

/** The machine-readable details each rule attaches to its findings, for quick fixes and reports. */
export interface FindingDataByCode {
  readonly 'unfilled-placeholder': { readonly item: string; readonly placeholder: string; readonly kind: string };
  readonly 'status-mismatch':
    | { readonly kind: 'done-but-open'; readonly item: string }
    | { readonly kind: 'summary-box' | 'summary-row'; readonly item: string; readonly checked: boolean }
    | { readonly kind: 'summary-extra' }
    | { readonly kind: 'summary-dropped' | 'summary-misfiled'; readonly item: string }
    | { readonly kind: 'overall' }
    | { readonly kind: 'count'; readonly value: number; readonly header?: boolean }
    | { readonly kind: 'header-status' | 'header-updated'; readonly newText: string; readonly title: string }
    | { readonly kind: 'missing-section'; readonly item: string; readonly path: string | undefined }
    /** An item marked done whose smoke test `test` (key `testKey`) shows a failure in its evidence. */
    | { readonly kind: 'evidence-failed'; readonly item: string; readonly testKey: string; readonly test: string };
  /** `item`: the item whose value is typed inside the template's brackets. */
  readonly 'bracketed-value': { readonly item: string };
  readonly overdue: { readonly item: string; readonly due: string };
  /** `item`: the item whose deadline names a date that cannot be read. */
  readonly 'unparsed-deadline': { readonly item: string };
  readonly mojibake: { readonly encoding: string };
  readonly 'missing-file': { readonly item: string; readonly path: string; readonly kind: string };
  /** `rule`: the detector's rule id (`openai`); `name`: the document's own variable for it (`LOG_TOKEN`). */
  readonly secret: { readonly rule: string; readonly name?: string };
  readonly 'skipped-large-file': undefined;
  /** `value`: the state as written, which the vocabulary does not know. */
  readonly 'unknown-state': { readonly item: string; readonly value: string };
  /** `expected`: the number of items the document states, when it states one. */
  readonly structure: { readonly expected: number | null };
  /** `testKey`: the smoke test to re-run; `test`: its number; `reasons`: why its evidence is stale. */
  readonly 'stale-evidence': {
    readonly testKey: string;
    readonly test: string;
    readonly reasons: readonly ('command' | 'age' | 'host' | 'environment')[];
  };
  readonly 'edited-evidence': { readonly testKey: string; readonly test: string };
  /** `line`: the sign-off's line (0-based), which "Sign off again as NAME" fills. */
  readonly 'stale-signoff': { readonly line: number };
  readonly 'plain-text-block': undefined;
  readonly 'too-many-findings': undefined;
  readonly 'internal-error': undefined;
}

interface FindingOf<C extends FindingCode> {
  readonly code: C;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /**
   * Machine-readable details used by quick fixes and reports, typed by rule once the code is
   * narrowed; read without narrowing (a report over every finding), a field is `unknown`.
   */
  readonly data: FindingDataByCode[C] & Readonly<Record<string, unknown>>;
}

/** One problem the core reports; the server turns it into a Diagnostic, the CLI into a line. */
export type Finding = {
  [C in FindingCode]: FindingDataByCode[C] extends undefined
    ? Omit<FindingOf<C>, 'data'> & { readonly data?: undefined }
    : FindingOf<C>;
}[FindingCode];

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function shiftRange(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return range(r.start.line + lines, r.start.character, r.end.line + lines, r.end.character);
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function intersects(a: Range, b: Range): boolean {
  return contains(a, b.start) || contains(a, b.end) || contains(b, a.start);
}
