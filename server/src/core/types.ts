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

export type FindingCode = 'unfilled-placeholder' | 'status-mismatch' | 'overdue' | 'mojibake' | 'missing-file' | 'secret' | 'skipped-large-file' | 'plain-text-block' | 'internal-error';

/** One problem the core reports; the server turns it into a Diagnostic, the CLI into a line. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** Machine-readable details (e.g. the placeholder text) used by quick fixes. */
  readonly data?: Readonly<Record<string, unknown>>;
}

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
