// What one markdown block (a heading and the content up to the next heading)
// contributes to the checklist, in positions relative to the block's first line.
// Facts depend only on the block's text, so they are cached by that text and
// reused, shifted, while the rest of the document is edited.
import type { List, ListItem, Nodes, RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block } from '../markdown/blocks';
import { LineIndex } from '../markdown/lines';
import { walk } from '../markdown/walk';
import { parseMarkdown } from '../markdown/parse';
import { findPlaceholders, isAngleBlank, mayHoldBlanks, type BlankShape } from '../placeholders';
import { fenceReferences } from './references/fence';
import { inlineReferences } from './references/inline';
import type { FileReference } from './references/types';
import { range, type Range } from '../types';
import { isCreatedKey, isEvidenceKey, isItemKey, isOverallStateKey, isTotalKey } from './fieldNames';

/** Keys a plain `Key: value` line is a field for. */
const isDocumentKey = (key: string): boolean => isItemKey(key) || isOverallStateKey(key) || isCreatedKey(key) || isTotalKey(key) || isEvidenceKey(key);

export interface HeadingFact {
  readonly depth: number;
  readonly text: string;
  /** The heading's line as written (`### 🔴 Bloquers (6 items)`), to locate parts of it. */
  readonly source: string;
  readonly range: Range;
}

/** A `**Key**: value` line. */
export interface FieldFact {
  readonly key: string;
  readonly value: string;
  readonly range: Range;
  readonly valueRange: Range;
}

export interface CheckboxFact {
  readonly checked: boolean;
  readonly label: string;
  /** The whole line of the checkbox. */
  readonly range: Range;
  /** The three characters `[ ]` / `[x]`. */
  readonly boxRange: Range;
  readonly inFence: boolean;
  /** List nesting: 0 for a top-level entry (in a fence, by indentation). */
  readonly depth: number;
}

/**
 * An entry of a list (task, numbered or plain bullet), with what the model needs to tell a
 * deliverable (an entry with nested entries or its own fields) from a check.
 */
export interface ListEntryFact {
  /** Block-relative line of the entry's marker. */
  readonly line: number;
  readonly depth: number;
  readonly ordered: boolean;
  /** Ticked or not for a task entry; undefined for a numbered step or a plain bullet. */
  readonly checked: boolean | undefined;
  /** The entry's first line without marker and box. */
  readonly label: string;
  /** The whole label struck through (`~~done~~`). */
  readonly struck: boolean;
  /** Entries nested under this one. */
  readonly children: number;
  /** The line of the entry this one is nested in. */
  readonly parentLine: number | undefined;
  /** `Key: value` parts of the label ("— Responsable: Pilar — Fecha límite: 2026-02-11"). */
  readonly fields: readonly FieldFact[];
}

export interface CellFact {
  readonly text: string;
  readonly range: Range;
}

export interface TableFact {
  readonly range: Range;
  readonly header: readonly CellFact[];
  readonly rows: readonly { readonly range: Range; readonly cells: readonly CellFact[] }[];
  /** A `Field | Value` table: its rows are the fields of the item, not checks. */
  readonly fieldTable: boolean;
}

/** A line of a top-level paragraph, for stated counts, overall states and near-misses. */
export interface ProseFact {
  readonly line: number;
  readonly text: string;
}

export interface FenceFact {
  readonly lang: string;
  readonly range: Range;
  /** Relative line of each content line, with its text (indentation kept). */
  readonly lines: readonly { readonly line: number; readonly text: string }[];
}

export interface PlaceholderFact {
  readonly text: string;
  /** From the opening to the closing bracket, both included. */
  readonly range: Range;
  readonly inFence: boolean;
  /** The text of the line before the placeholder, used to word messages ("Tiempo de respuesta:"). */
  readonly label: string;
  readonly shape: BlankShape;
  /** Marked optional ("[OPCIONAL]", "(si aplica)"): it never blocks done. */
  readonly optional: boolean;
}

export interface IgnoreFact {
  /** The line the directive silences. */
  readonly line: number;
  /** Codes it silences; empty means every code. */
  readonly codes: readonly string[];
}

export interface BlockFacts {
  readonly lineCount: number;
  readonly heading: HeadingFact | undefined;
  readonly fields: readonly FieldFact[];
  readonly checkboxes: readonly CheckboxFact[];
  readonly fences: readonly FenceFact[];
  readonly placeholders: readonly PlaceholderFact[];
  readonly definitions: readonly string[];
  readonly ignores: readonly IgnoreFact[];
  /** Paths of files and folders the block points at (code spans, fenced `File:` lines, curl `@file`s, prose). */
  readonly references: readonly FileReference[];
  readonly entries: readonly ListEntryFact[];
  readonly tables: readonly TableFact[];
  readonly prose: readonly ProseFact[];
}

const FIELD = /^(\s*(?:[-*+]\s+)?)\*\*([^*\n]+?)(?::\*\*|\*\*\s*:)[ \t]*(.*?)\s*$/;
/** `Key: value` without bold, for the keys the model reads ("Estado: Listo", "- Owner: Ana"). */
const PLAIN_FIELD = /^(\s*(?:[-*+]\s+)?)(?:__|_)?(\p{L}[\p{L}\p{N} /().'-]{0,40}?)(?:__|_)?\s*:[ \t]+(.*?)\s*$/u;
/** `Key: value` parts of a list entry's label, between dashes, pipes or semicolons. */
const INLINE_FIELD = /(?:^|\s[—–|;·-]\s|\s[—–]|[—–]\s)\s*(?:\*\*)?(\p{L}[\p{L} /-]{1,30}?)(?:\*\*)?\s*:(?:\*\*)?\s+([^—–|;·]+?)\s*(?=\s[—–|;·-]\s|\s*[—–|;·]|$)/gu;
const FENCE_BOX = /^(\s*[-*+]\s+)\[([ xX])\]\s*(.*)$/;
const FENCE_MARK = /^\s*(`{3,}|~{3,})\s*$/;
const IGNORE = /<!--\s*readiness-ignore-next-line\b([^>]*?)-->/;

/** Parses one block's text on its own and extracts its facts. */
export function extractFacts(text: string): BlockFacts {
  const lines = new LineIndex(text);
  return factsOf(parseMarkdown(text).children, { text, lines, firstLine: 0, lineCount: lines.lineCount });
}

/**
 * Parses the whole text once and extracts the facts of each of its blocks, as
 * extractFacts would have for each block alone: cheaper than many small parses
 * when most blocks are new.
 */
export function extractAllFacts(text: string, blocks: readonly Block[]): BlockFacts[] {
  const lines = new LineIndex(text);
  const nodes = parseMarkdown(text).children;
  let next = 0;
  return blocks.map((block, i) => {
    const endLine = blocks[i + 1]?.startLine ?? lines.lineCount;
    const own: RootContent[] = [];
    while (next < nodes.length && (nodes[next]?.position?.start.line ?? 0) - 1 < endLine) own.push(nodes[next++]);
    const lineCount = block.text.split('\n').length;
    return factsOf(own, { text, lines, firstLine: block.startLine, lineCount });
  });
}

/** The parsed text, and where the block starts in it; positions come out relative to that start. */
interface Frame {
  readonly text: string;
  readonly lines: LineIndex;
  readonly firstLine: number;
  readonly lineCount: number;
}

interface FactsDraft {
  heading: HeadingFact | undefined;
  readonly fields: FieldFact[];
  readonly checkboxes: CheckboxFact[];
  readonly fences: FenceFact[];
  readonly placeholders: PlaceholderFact[];
  readonly definitions: string[];
  readonly ignores: IgnoreFact[];
  readonly references: FileReference[];
  readonly entries: ListEntryFact[];
  readonly tables: TableFact[];
  readonly prose: ProseFact[];
}

function factsOf(nodes: readonly RootContent[], frame: Frame): BlockFacts {
  const facts: FactsDraft = { heading: undefined, fields: [], checkboxes: [], fences: [], placeholders: [], definitions: [], ignores: [], references: [], entries: [], tables: [], prose: [] };
  const first = nodes[0];
  if (first?.type === 'heading' && first.position && first.position.start.line - 1 === frame.firstLine) {
    const headingRange = nodeRange(first, frame);
    facts.heading = { depth: first.depth, text: toString(first).trim(), source: lineText(frame, headingRange.start.line), range: headingRange };
  }
  const visit = (child: Nodes): 'skip' | undefined => {
    switch (child.type) {
      case 'code':
        facts.fences.push(collectFence(child, frame, facts));
        return 'skip';
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        collectPhrasing(child, frame, facts);
        if (child.type === 'paragraph') collectFields(child, frame, facts.fields);
        facts.references.push(...inlineReferences(child, frame.text, (offset) => relativePosition(frame, offset)));
        return 'skip';
      case 'list':
        for (const item of child.children) collectEntry(item, child.ordered === true, 0, undefined, frame, facts, visit);
        return 'skip';
      case 'table':
        facts.tables.push(collectTable(child, frame, facts.fields));
        return undefined;
      case 'definition':
        facts.definitions.push(child.label ?? child.identifier);
        return 'skip';
      case 'html': {
        const directive = IGNORE.exec(child.value);
        if (directive && child.position) {
          const codes = (directive[1] ?? '').split(/[\s,]+/).filter((c) => c !== '');
          // end.line is 1-based: as a 0-based line it is the line after the comment.
          facts.ignores.push({ line: child.position.end.line - frame.firstLine, codes });
        }
        return 'skip';
      }
      default:
        return undefined;
    }
  };
  for (const node of nodes) {
    if (node.type === 'paragraph') collectProse(node, frame, facts.prose);
    walk(node, visit);
  }
  return { lineCount: frame.lineCount, ...facts };
}

/** One list entry and, depth first, the entries nested in it. */
function collectEntry(node: ListItem, ordered: boolean, depth: number, parentLine: number | undefined, frame: Frame, facts: FactsDraft, visit: (node: Nodes) => 'skip' | undefined): void {
  const r = nodeRange(node, frame);
  const line = r.start.line;
  const text = lineText(frame, line);
  const task = typeof node.checked === 'boolean';
  if (task) facts.checkboxes.push(listCheckbox(node, frame, depth));
  const marker = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s*)?/.exec(text);
  const label = withoutTrailingComments(text.slice(marker?.[0].length ?? r.start.character)).trim();
  const nested = node.children.filter((c): c is List => c.type === 'list');
  const firstParagraph = node.children[0];
  const struck = firstParagraph?.type === 'paragraph' && firstParagraph.children.length > 0 && firstParagraph.children.every((c) => c.type === 'delete' || (c.type === 'text' && c.value.trim() === ''));
  const start = marker?.[0].length ?? 0;
  facts.entries.push({
    line,
    depth,
    ordered,
    checked: task ? node.checked === true : undefined,
    label,
    struck,
    children: nested.reduce((n, list) => n + list.children.length, 0),
    parentLine,
    fields: inlineFields(text, start, line),
  });
  for (const child of node.children) {
    if (child.type === 'list') for (const item of child.children) collectEntry(item, child.ordered === true, depth + 1, line, frame, facts, visit);
    else walk(child, visit);
  }
}

/** `Key: value` parts of a list entry's first line, for the keys the model reads. */
function inlineFields(text: string, from: number, line: number): FieldFact[] {
  if (!text.includes(':')) return [];
  const fields: FieldFact[] = [];
  const label = text.slice(from);
  for (const match of label.matchAll(INLINE_FIELD)) {
    const key = (match[1] ?? '').trim();
    const value = (match[2] ?? '').replace(/\*\*/g, '').trim();
    if (!isItemKey(key) || value === '') continue;
    const keyAt = from + match.index + match[0].indexOf(match[1] ?? '');
    const valueAt = from + match.index + match[0].lastIndexOf(value);
    fields.push({ key, value, range: range(line, keyAt, line, valueAt + value.length), valueRange: range(line, valueAt, line, valueAt + value.length) });
  }
  return fields;
}

function collectTable(node: Table, frame: Frame, fields: FieldFact[]): TableFact {
  const rows = node.children.map((row) => ({
    range: nodeRange(row, frame),
    cells: row.children.map((cell) => cellFact(cell, frame)),
  }));
  const [header, ...body] = rows;
  const headerCells = header?.cells ?? [];
  const keyed = body.filter((row) => row.cells.length === 2 && isItemKey(row.cells[0]?.text ?? '')).length;
  const fieldTable = headerCells.length === 2 && body.length > 0 && (FIELD_TABLE_HEADER.test(headerCells[0]?.text ?? '') || keyed >= Math.max(2, body.length / 2));
  if (fieldTable) {
    for (const row of body) {
      const [key, value] = row.cells;
      if (!key || !value || key.text === '') continue;
      fields.push({ key: key.text, value: value.text, range: row.range, valueRange: value.range });
    }
  }
  return { range: nodeRange(node, frame), header: headerCells, rows: body, fieldTable };
}

const FIELD_TABLE_HEADER = /^(?:field|campo|key|clave|atributo|attribute|propiedad|property|dato|item|ítem)$/i;

function cellFact(cell: TableCell, frame: Frame): CellFact {
  const r = nodeRange(cell, frame);
  const source = lineText(frame, r.start.line).slice(r.start.character, r.end.character);
  // The cell's range as parsed may include the padding and the pipe: keep the text between them.
  const inner = source.replace(/^\|/, '').replace(/\|$/, '');
  const lead = source.length - source.replace(/^\|?\s*/, '').length;
  const text = inner.trim();
  const start = r.start.character + lead;
  return { text, range: range(r.start.line, start, r.start.line, start + text.length) };
}

function collectProse(node: Nodes, frame: Frame, prose: ProseFact[]): void {
  const r = nodeRange(node, frame);
  for (let line = r.start.line; line <= r.end.line && line - r.start.line < 20; line++) {
    const text = lineText(frame, line);
    if (text.length <= 300) prose.push({ line, text });
  }
}

/** A line of the block, by block-relative number. */
function lineText(frame: Frame, line: number): string {
  return frame.lines.lineText(line + frame.firstLine);
}

function nodeRange(node: Nodes, frame: Frame): Range {
  const p = node.position;
  if (!p) return range(0, 0, 0, 0);
  return range(p.start.line - 1 - frame.firstLine, p.start.column - 1, p.end.line - 1 - frame.firstLine, p.end.column - 1);
}

function collectFence(node: Nodes & { type: 'code' }, frame: Frame, facts: FactsDraft): FenceFact {
  const r = nodeRange(node, frame);
  const content: { line: number; text: string }[] = [];
  for (let line = r.start.line + 1; line <= r.end.line; line++) {
    const text = lineText(frame, line);
    if (line === r.end.line && FENCE_MARK.test(text)) break;
    content.push({ line, text });
    const box = FENCE_BOX.exec(text);
    if (box) {
      const at = box[1]?.length ?? 0;
      facts.checkboxes.push({
        checked: box[2] !== ' ',
        label: withoutTrailingComments(box[3] ?? '').trim(),
        range: range(line, 0, line, text.length),
        boxRange: range(line, at, line, at + 3),
        inFence: true,
        depth: Math.floor((box[1] ?? '').search(/\S/) / 2),
      });
    }
    let previousEnd = 0;
    for (const match of findPlaceholders(text, { shell: SHELL_LANGS.test(node.lang ?? '') })) {
      facts.placeholders.push({
        text: match.text,
        range: range(line, match.start, line, match.end),
        inFence: true,
        label: labelBetween(text, previousEnd, match.start),
        shape: match.shape,
        optional: match.optional,
      });
      previousEnd = match.end;
    }
  }
  facts.references.push(...fenceReferences(content));
  return { lang: node.lang ?? '', range: r, lines: content };
}

/** A position of the parsed text, relative to the block's first line. */
function relativePosition(frame: Frame, offset: number): { line: number; character: number } {
  const p = frame.lines.positionAt(offset);
  return { line: p.line - frame.firstLine, character: p.character };
}

const SHELL_LANGS = /^(?:bash|sh|shell|zsh|console|shellsession|powershell|ps1|cmd|fish)$/i;

const EXCLUDED_INLINE = new Set(['inlineCode', 'link', 'linkReference', 'image', 'imageReference', 'html']);

/** Scans the source of a paragraph-like node for placeholders, ignoring code spans, links and HTML. */
function collectPhrasing(node: Nodes, frame: Frame, facts: FactsDraft): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const source = frame.text.slice(start, end);
  if (!mayHoldBlanks(source)) return;
  const excluded: [number, number][] = [];
  walk(node, (child) => {
    if (child === node || !EXCLUDED_INLINE.has(child.type)) return undefined;
    // `<fill in>` and `<YYYY-MM-DD>` parse as HTML but are blanks.
    if (child.type === 'html' && /^<[^<>]+>$/.test(child.value) && isAngleBlank(child.value.slice(1, -1))) return 'skip';
    const s = child.position?.start.offset;
    const e = child.position?.end.offset;
    if (s !== undefined && e !== undefined) excluded.push([s, e]);
    return 'skip';
  });
  let lineStart = 0;
  for (const line of source.split('\n')) {
    let previousEnd = 0;
    for (const match of findPlaceholders(line)) {
      const from = start + lineStart + match.start;
      const to = start + lineStart + match.end;
      if (excluded.some(([s, e]) => from < e && to > s)) continue;
      const p = frame.lines.positionAt(from);
      const relative = p.line - frame.firstLine;
      facts.placeholders.push({
        text: match.text,
        range: range(relative, p.character, relative, p.character + (to - from)),
        inFence: false,
        label: labelBetween(line, previousEnd, match.start),
        shape: match.shape,
        optional: match.optional,
      });
      previousEnd = match.end;
    }
    lineStart += line.length + 1;
  }
}

/** The words that introduce a placeholder: what stands between it and the previous one. */
function labelBetween(line: string, from: number, to: number): string {
  // Leading list marks and trailing punctuation or status emojis ("Tests: ✅ [X]") are not words.
  return line.slice(from, to).replace(/\*\*/g, '').replace(/^[\s\-*+:|]+/, '').replace(/[^\p{L}\p{N})]+$/u, '');
}

const TRAILING_COMMENTS = /(?:\s*<!--.*?-->)+\s*$/;

/** A value or label without the HTML comments written after it. */
function withoutTrailingComments(text: string): string {
  return text.replace(TRAILING_COMMENTS, '');
}

function collectFields(node: Nodes, frame: Frame, fields: FieldFact[]): void {
  const r = nodeRange(node, frame);
  for (let line = r.start.line; line <= r.end.line; line++) {
    const text = lineText(frame, line);
    const bold = FIELD.exec(text);
    const plain = bold || !text.includes(':') ? undefined : PLAIN_FIELD.exec(text);
    const match = bold ?? (plain && isDocumentKey(plain[2] ?? '') ? plain : undefined);
    if (!match) continue;
    const value = withoutTrailingComments(match[3] ?? '');
    const valueStart = value === '' ? text.trimEnd().length : text.indexOf(value, (match[1]?.length ?? 0) + (match[2]?.length ?? 0) + 1);
    fields.push({
      key: (match[2] ?? '').trim(),
      value,
      range: range(line, 0, line, text.trimEnd().length),
      valueRange: range(line, valueStart, line, valueStart + value.length),
    });
  }
}

function listCheckbox(node: ListItem, frame: Frame, depth: number): CheckboxFact {
  const r = nodeRange(node, frame);
  const text = lineText(frame, r.start.line);
  const at = text.indexOf('[', r.start.character);
  return {
    checked: node.checked === true,
    label: withoutTrailingComments(text.slice(at + 3)).trim(),
    range: range(r.start.line, 0, r.start.line, text.length),
    boxRange: range(r.start.line, at, r.start.line, at + 3),
    inFence: false,
    depth,
  };
}
