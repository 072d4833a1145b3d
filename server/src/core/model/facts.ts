// What one markdown block (a heading and the content up to the next heading)
// contributes to the checklist, in positions relative to the block's first line.
// Facts depend only on the block's text, so they are cached by that text and
// reused, shifted, while the rest of the document is edited.
import type { List, ListItem, Nodes, RootContent, Table, TableCell } from 'mdast';
import type { Block } from '../markdown/blocks';
import { lineBreakAt, lineEnd, LineIndex, splitLines } from '../markdown/lines';
import { textOf, walk } from '../markdown/walk';
import { overloadOf, type Overload } from '../markdown/overload';
import { parseMarkdown } from '../markdown/parse';
import { findPlaceholders, isAngleBlank, isOptionalBlank, mayHoldBlanks, type BlankShape } from '../placeholders';
import { fenceReferences } from './references/fence';
import { inlineReferences } from './references/inline';
import type { FileReference } from './references/types';
import { range, type Range } from '../types';
import {
  isCreatedKey,
  isDeadlineKey,
  isEvidenceKey,
  isItemKey,
  isOverallStateKey,
  isTotalKey,
  statePhrase,
} from './fieldNames';

/** Keys a plain `Key: value` line is a field for. */
const isDocumentKey = (key: string): boolean =>
  isItemKey(key) || isOverallStateKey(key) || isCreatedKey(key) || isTotalKey(key) || isEvidenceKey(key);

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
  /** Led by its state in brackets ("- [DONE] Migrate the database"), which is its first field. */
  readonly stated: boolean;
  /** `Key: value` parts of the label ("— Responsable: Pilar — Fecha límite: 2026-02-11"). */
  readonly fields: readonly FieldFact[];
}

export interface CellFact {
  readonly text: string;
  readonly range: Range;
  /** An empty cell's inside, from after its opening bar to before its closing one (where a value goes). */
  readonly blankRange?: Range;
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

/** Why a block was read line by line as plain text instead of parsed as markdown. */
export interface PlainTextReading extends Omit<Overload, 'reason'> {
  readonly reason: Overload['reason'] | 'failed';
  /** Blanks past the cap of a plain-text block, not reported. */
  readonly omittedBlanks?: number;
}

export interface BlockFacts {
  readonly lineCount: number;
  /** Set when the block was too deeply nested or too dense to parse in linear time, or the parser failed on it. */
  readonly plainText?: PlainTextReading;
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

// Values are `(.*)$` and trimmed after: `(.*?)\s*$` is quadratic on a long run of spaces.
const FIELD = /^(\s*(?:[-*+]\s+)?)\*\*([^*\n]+?)(?::\*\*|\*\*\s*:)[ \t]*(.*)$/;
/** `Key: value` without bold, for the keys the model reads ("Estado: Listo", "- Owner: Ana"). */
const PLAIN_FIELD = /^(\s*(?:[-*+]\s+)?)(?:__|_)?(\p{L}[\p{L}\p{N} /().'-]{0,40}?)(?:__|_)?\s*:(?:[ \t]+(.*)|[ \t]*)$/u;
/** `Key: value` parts of a list entry's label, between dashes, pipes or semicolons. */
const INLINE_FIELD =
  /(?:^|\s[—–|;·-]\s|\s[—–]|[—–]\s)\s*(?:\*\*)?(\p{L}[\p{L} /-]{1,30}?)(?:\*\*)?\s*:(?:\*\*)?\s+([^—–|;·]+?)\s*(?=\s[—–|;·-]\s|\s*[—–|;·]|$)/gu;
const FENCE_BOX = /^(\s*[-*+]\s+)\[([ xX])\]\s*(.*)$/;
const FENCE_MARK = /^\s*(`{3,}|~{3,})\s*$/;
const IGNORE = /<!--\s*readiness-ignore-next-line\b([^>]*?)-->/;
const SIGIL_ONLY = /^(?:@|#|https?:\/\/|\?{1,3})$/;

/** Parses one block's text on its own and extracts its facts. */
export function extractFacts(text: string): BlockFacts {
  const overload = overloadOf(text);
  if (overload) return plainTextFacts(text, overload);
  const lines = new LineIndex(text);
  try {
    return factsOf(parseMarkdown(text).children, { text, lines, firstLine: 0, lineCount: lines.lineCount });
  } catch {
    // One block the parser cannot take never costs the rest of the document its findings.
    return plainTextFacts(text, { reason: 'failed', line: 0, amount: 0, limit: 0 });
  }
}

/**
 * Parses the whole text once and extracts the facts of each of its blocks, as
 * extractFacts would have for each block alone: cheaper than many small parses
 * when most blocks are new.
 */
export function extractAllFacts(text: string, blocks: readonly Block[]): BlockFacts[] {
  if (blocks.some((block) => overloadOf(block.text))) return blocks.map((block) => extractFacts(block.text));
  const lines = new LineIndex(text);
  let nodes: RootContent[];
  try {
    nodes = parseMarkdown(text).children;
  } catch {
    return blocks.map((block) => extractFacts(block.text));
  }
  let next = 0;
  return blocks.map((block, i) => {
    const endLine = blocks[i + 1]?.startLine ?? lines.lineCount;
    const own: RootContent[] = [];
    while (next < nodes.length && (nodes[next]?.position?.start.line ?? 0) - 1 < endLine) own.push(nodes[next++]);
    const lineCount = splitLines(block.text).length;
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

function emptyFacts(): FactsDraft {
  return {
    heading: undefined,
    fields: [],
    checkboxes: [],
    fences: [],
    placeholders: [],
    definitions: [],
    ignores: [],
    references: [],
    entries: [],
    tables: [],
    prose: [],
  };
}

function factsOf(nodes: readonly RootContent[], frame: Frame): BlockFacts {
  const facts = emptyFacts();
  const first = nodes[0];
  if (first?.type === 'heading' && first.position && first.position.start.line - 1 === frame.firstLine) {
    const headingRange = nodeRange(first, frame);
    facts.heading = {
      depth: first.depth,
      text: textOf(first).trim(),
      source: lineText(frame, headingRange.start.line),
      range: headingRange,
    };
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
        if (child.type === 'paragraph') {
          collectFields(child, frame, facts);
          collectBoxLines(child, frame, facts);
        }
        facts.references.push(...inlineReferences(child, frame.text, (offset) => relativePosition(frame, offset)));
        return 'skip';
      case 'list':
        for (const item of child.children)
          collectEntry(item, child.ordered === true, 0, undefined, frame, facts, visit);
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
function collectEntry(
  node: ListItem,
  ordered: boolean,
  depth: number,
  parentLine: number | undefined,
  frame: Frame,
  facts: FactsDraft,
  visit: (node: Nodes) => 'skip' | undefined,
): void {
  const r = nodeRange(node, frame);
  const line = r.start.line;
  const text = lineText(frame, line);
  const marker = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s*)?/.exec(text);
  let start = marker?.[0].length ?? 0;
  // "- [✓] Security review", "- [✗] Legal review": a box ticked or crossed with a mark is a task box too.
  const marked = typeof node.checked === 'boolean' ? undefined : (MARK_BOX.exec(text.slice(start)) ?? undefined);
  const task = typeof node.checked === 'boolean' || marked !== undefined;
  if (marked) {
    facts.checkboxes.push({
      checked: !/[✗✘]/u.test(marked[1] ?? ''),
      label: withoutTrailingComments(text.slice(start + marked[0].length)).trim(),
      range: range(line, 0, line, text.length),
      boxRange: range(line, start, line, start + (marked[1]?.length ?? 0)),
      inFence: false,
      depth,
    });
    start += marked[0].length;
  } else if (task) facts.checkboxes.push(listCheckbox(node, frame, depth));
  // "- [DONE] OPS-101 Migrate the database": a state in brackets that leads the entry is its status field.
  const lead = task ? undefined : stateLead(text, start, line);
  const label = withoutTrailingComments(
    text.slice(lead ? lead.end : marker || marked ? start : r.start.character),
  ).trim();
  const nested = node.children.filter((c): c is List => c.type === 'list');
  const firstParagraph = node.children[0];
  const struck =
    firstParagraph?.type === 'paragraph' &&
    firstParagraph.children.length > 0 &&
    firstParagraph.children.every((c) => c.type === 'delete' || (c.type === 'text' && c.value.trim() === ''));
  facts.entries.push({
    line,
    depth,
    ordered,
    checked: marked ? facts.checkboxes.at(-1)?.checked === true : task ? node.checked === true : undefined,
    label,
    struck,
    children: nested.reduce((n, list) => n + list.children.length, 0),
    parentLine,
    stated: lead !== undefined,
    fields: lead ? [lead.field, ...inlineFields(text, lead.end, line, true)] : inlineFields(text, start, line, task),
  });
  const entry = facts.entries.at(-1);
  const placeholders = facts.placeholders.length;
  for (const child of node.children) {
    if (child.type === 'list')
      for (const item of child.children)
        collectEntry(item, child.ordered === true, depth + 1, line, frame, facts, visit);
    else walk(child, visit);
  }
  for (const field of entry?.fields ?? []) sigilBlank(field, text, facts);
  // "[TODO]" leading the entry is its state, not a blank to fill in.
  if (lead) {
    const at = facts.placeholders.findIndex(
      (p, i) =>
        i >= placeholders &&
        p.range.start.line === line &&
        p.range.start.character === lead.field.range.start.character,
    );
    if (at !== -1) facts.placeholders.splice(at, 1);
  }
}

const MARK_BOX = /^(\[[✓✔✗✘]\uFE0F?\])[ \t]+(?=\S)/u;
const STATE_LEAD = /^\[([^\][\n]{1,24})\](?=[ \t]+\S)/;

/** A known state in brackets at `from` ("[DONE]", "[IN PROGRESS]", "[PENDIENTE]"), read as a Status field; `end`, where the rest of the entry starts. */
function stateLead(
  text: string,
  from: number,
  line: number,
): { readonly field: FieldFact; readonly end: number } | undefined {
  const match = STATE_LEAD.exec(text.slice(from));
  const value = match?.[1]?.trim();
  // The whole bracket is a state ("[DONE]", "[In progress]"), not a phrase with one in it ("[Open question]").
  if (!match || !value || statePhrase(value) === undefined) return undefined;
  const valueStart = from + 1 + (match[1]?.indexOf(value) ?? 0);
  return {
    field: {
      key: 'Status',
      value,
      range: range(line, from, line, from + match[0].length),
      valueRange: range(line, valueStart, line, valueStart + value.length),
    },
    end: from + match[0].length,
  };
}

const BOX_LINE = /^(\s{0,3}(?:>\s*)*)\[([ xX✓✔✗✘])\uFE0F?\][ \t]+(?=\S)/u;

/**
 * Lines of a paragraph that start with a task box but no list marker ("[x] Freeze announced", as pasted
 * from plain text): task list entries, as if each had its "- ".
 */
function collectBoxLines(node: Nodes, frame: Frame, facts: FactsDraft): void {
  const r = nodeRange(node, frame);
  for (let line = r.start.line; line <= r.end.line; line++) {
    const text = lineText(frame, line);
    const box = BOX_LINE.exec(text);
    if (!box) continue;
    const at = box[1]?.length ?? 0;
    const checked = /[xX✓✔]/u.test(box[2] ?? '');
    const label = withoutTrailingComments(text.slice(box[0].length)).trim();
    facts.checkboxes.push({
      checked,
      label,
      range: range(line, 0, line, text.length),
      boxRange: range(line, at, line, at + box[0].slice(at).trimEnd().length),
      inFence: false,
      depth: 0,
    });
    facts.entries.push({
      line,
      depth: 0,
      ordered: false,
      checked,
      label,
      struck: false,
      children: 0,
      parentLine: undefined,
      stated: false,
      fields: inlineFields(text, box[0].length, line, true),
    });
  }
}

/** `Key: value` parts of a list entry's first line, for the keys the model reads. */
function inlineFields(text: string, from: number, line: number, task: boolean): FieldFact[] {
  const fields = keyedInlineFields(text, from, line, task);
  if (fields.some((f) => isDeadlineKey(f.key))) return fields;
  const due = dueWithoutColon(text, from, line);
  return due &&
    !fields.some(
      (f) => f.range.end.character > due.range.start.character && f.range.start.character < due.range.end.character,
    )
    ? [...fields, due]
    : fields;
}

function keyedInlineFields(text: string, from: number, line: number, task: boolean): FieldFact[] {
  if (!text.includes(':')) return [];
  const fields: FieldFact[] = [];
  const label = text.slice(from);
  const add = (key: string, value: string, keyAt: number, valueAt: number) =>
    fields.push(inlineField(line, key, value, keyAt, valueAt));
  for (const match of label.matchAll(INLINE_FIELD)) {
    const key = (match[1] ?? '').trim();
    const value = (match[2] ?? '').replace(/\*\*/g, '').trim();
    if (!isItemKey(key) || value === '') continue;
    add(
      key,
      value,
      from + match.index + match[0].indexOf(match[1] ?? ''),
      from + match.index + match[0].lastIndexOf(value),
    );
  }
  // "- [ ] Dry-run (owner: @carol, due: 2026-11-30)": a task's fields listed in parentheses, split at commas
  // and semicolons. A numbered step's "(responsable: Nuria)" stays a step of its procedure.
  for (const group of task ? label.matchAll(PARENTHESIZED) : []) {
    let at = from + group.index + 1;
    for (const part of (group[1] ?? '').split(/([,;])/)) {
      const field = /^(\s*)(\p{L}[\p{L} /-]{1,30}?)\s*:\s*(\S(?:.*\S)?)\s*$/u.exec(part);
      const key = field?.[2];
      const value = field?.[3];
      if (field && key && value && isItemKey(key) && !fields.some((f) => f.key === key))
        add(key, value, at + (field[1] ?? '').length, at + part.lastIndexOf(value));
      at += part.length;
    }
  }
  return fields;
}

const PARENTHESIZED = /\(([^()]{3,200}:[^()]{1,200})\)/gu;

/** "Load test signed off — due 2026-11-25", "(vence 05/12)": a due date written without a colon. */
const DUE_WITHOUT_COLON =
  /(?:^|[\s(—–|;·])(?<key>due|deadline|vence|fecha l[ií]mite|[ée]ch[ée]ance|frist|prazo|scadenza)(?:\s+(?:on|by|el|le|am|em|il))?\s+(?<value>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)(?![\d/.-]*\d)/iu;

/** The due date of an entry's label written without a colon, as a field. */
function dueWithoutColon(text: string, from: number, line: number): FieldFact | undefined {
  const match = DUE_WITHOUT_COLON.exec(text.slice(from));
  const key = match?.groups?.['key'];
  const value = match?.groups?.['value'];
  if (!match || key === undefined || value === undefined) return undefined;
  const at = from + match.index;
  return inlineField(line, key, value, at + match[0].indexOf(key), at + match[0].lastIndexOf(value));
}

/** A field of an entry's line: the key at `keyAt`, the value at `valueAt`. */
function inlineField(line: number, key: string, value: string, keyAt: number, valueAt: number): FieldFact {
  return {
    key,
    value,
    range: range(line, keyAt, line, valueAt + value.length),
    valueRange: range(line, valueAt, line, valueAt + value.length),
  };
}

function collectTable(node: Table, frame: Frame, fields: FieldFact[]): TableFact {
  const rows = node.children.map((row) => ({
    range: nodeRange(row, frame),
    cells: row.children.map((cell) => cellFact(cell, frame)),
  }));
  const [header, ...body] = rows;
  const headerCells = header?.cells ?? [];
  const keyed = body.filter((row) => row.cells.length === 2 && isItemKey(row.cells[0]?.text ?? '')).length;
  const fieldTable =
    headerCells.length === 2 &&
    body.length > 0 &&
    (FIELD_TABLE_HEADER.test(headerCells[0]?.text ?? '') || keyed >= Math.max(2, body.length / 2));
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
  const cellRange = range(r.start.line, start, r.start.line, start + text.length);
  if (text !== '') return { text, range: cellRange };
  const from = r.start.character + (source.startsWith('|') ? 1 : 0);
  const to = Math.max(from, r.start.character + source.replace(/\|$/, '').length);
  return { text, range: cellRange, blankRange: range(r.start.line, from, r.start.line, to) };
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
  return range(
    p.start.line - 1 - frame.firstLine,
    p.start.column - 1,
    p.end.line - 1 - frame.firstLine,
    p.end.column - 1,
  );
}

function collectFence(node: Nodes & { type: 'code' }, frame: Frame, facts: FactsDraft): FenceFact {
  const r = nodeRange(node, frame);
  const content: { line: number; text: string }[] = [];
  for (let line = r.start.line + 1; line <= r.end.line; line++) {
    const text = lineText(frame, line);
    if (line === r.end.line && FENCE_MARK.test(text)) break;
    content.push({ line, text });
    collectLine(line, text, true, facts, { shell: SHELL_LANGS.test(node.lang ?? '') });
  }
  facts.references.push(...fenceReferences(content));
  return { lang: node.lang ?? '', range: r, lines: content };
}

/** The task box and placeholders of one line read as text (a fenced line, or a line of a plain-text block). */
function collectLine(
  line: number,
  text: string,
  inFence: boolean,
  facts: FactsDraft,
  options: { readonly shell?: boolean; readonly maxPlaceholders?: number } = {},
): number {
  const maxPlaceholders = options.maxPlaceholders ?? Infinity;
  const box = FENCE_BOX.exec(text);
  if (box) {
    const at = box[1]?.length ?? 0;
    facts.checkboxes.push({
      checked: box[2] !== ' ',
      label: withoutTrailingComments(box[3] ?? '').trim(),
      range: range(line, 0, line, text.length),
      boxRange: range(line, at, line, at + 3),
      inFence,
      depth: Math.floor((box[1] ?? '').search(/\S/) / 2),
    });
  }
  let previousEnd = 0;
  let omitted = 0;
  for (const match of findPlaceholders(text, { shell: options.shell ?? false })) {
    if (facts.placeholders.length >= maxPlaceholders) {
      omitted++;
      continue;
    }
    facts.placeholders.push({
      text: match.text,
      range: range(line, match.start, line, match.end),
      inFence,
      label: labelBetween(text, previousEnd, match.start),
      shape: match.shape,
      optional: match.optional,
    });
    previousEnd = match.end;
  }
  return omitted;
}

/** Blanks a plain-text block reports at most; the information diagnostic counts the rest. */
const MAX_PLAIN_TEXT_BLANKS = 500;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_LINE = /^[ \t>]*(`{3,}|~{3,})\s*([\w+-]*)/;

/**
 * A block read line by line, in time linear in its length: its heading, `**Key**: value` fields,
 * task boxes, fenced blocks and blanks, without markdown structure (no file references).
 */
function plainTextFacts(text: string, reading: PlainTextReading): BlockFacts {
  const lines = new LineIndex(text);
  const facts = emptyFacts();
  let fence: { marker: string; lang: string; start: number; lines: { line: number; text: string }[] } | undefined;
  let omittedBlanks = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const mark = FENCE_LINE.exec(text.slice(0, 200));
    if (fence) {
      if (mark?.[1]?.[0] === fence.marker[0] && mark[1].length >= fence.marker.length && mark[2] === '') {
        facts.fences.push({ lang: fence.lang, range: range(fence.start, 0, line, text.length), lines: fence.lines });
        fence = undefined;
      } else {
        fence.lines.push({ line, text });
        omittedBlanks += collectLine(line, text, true, facts, {
          shell: SHELL_LANGS.test(fence.lang),
          maxPlaceholders: MAX_PLAIN_TEXT_BLANKS,
        });
      }
      continue;
    }
    if (mark?.[1]) {
      fence = { marker: mark[1], lang: mark[2] ?? '', start: line, lines: [] };
      continue;
    }
    const heading = line === 0 ? ATX_HEADING.exec(text) : null;
    if (heading) {
      facts.heading = {
        depth: heading[1]?.length ?? 1,
        text: (heading[2] ?? '').trim(),
        source: text,
        range: range(0, 0, 0, text.length),
      };
    }
    const directive = IGNORE.exec(text);
    if (directive)
      facts.ignores.push({ line: line + 1, codes: (directive[1] ?? '').split(/[\s,]+/).filter((c) => c !== '') });
    const field = fieldOf(line, text);
    if (field) facts.fields.push(field);
    omittedBlanks += collectLine(line, text, false, facts, { maxPlaceholders: MAX_PLAIN_TEXT_BLANKS });
  }
  if (fence)
    facts.fences.push({
      lang: fence.lang,
      range: range(fence.start, 0, lines.lineCount - 1, lines.lineText(lines.lineCount - 1).length),
      lines: fence.lines,
    });
  return { lineCount: lines.lineCount, plainText: { ...reading, omittedBlanks }, ...facts };
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
    if (child.type === 'html' && /^<[^<>]+>$/.test(child.value) && isAngleBlank(child.value.slice(1, -1)))
      return 'skip';
    const s = child.position?.start.offset;
    const e = child.position?.end.offset;
    if (s !== undefined && e !== undefined) excluded.push([s, e]);
    return 'skip';
  });
  for (let lineStart = 0; lineStart <= source.length;) {
    const lineStop = lineEnd(source, lineStart);
    const line = source.slice(lineStart, lineStop);
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
    lineStart = lineStop + (lineBreakAt(source, lineStop) || 1);
  }
}

/** The words that introduce a placeholder: what stands between it and the previous one. */
function labelBetween(line: string, from: number, to: number): string {
  // Leading list marks and trailing punctuation or status emojis ("Tests: ✅ [X]") are not words.
  const words = line
    .slice(from, to)
    .replace(/\*\*/g, '')
    .replace(/^[\s\-*+:|]+/, '');
  // Trailing non-words, by code point from the end: `/[^\p{L}\p{N})]+$/u` is quadratic on a long run of them.
  let end = words.length;
  while (end > 0) {
    const last = words.charCodeAt(end - 1);
    const size = last >= 0xdc00 && last <= 0xdfff && end >= 2 ? 2 : 1;
    if (/[\p{L}\p{N})]/u.test(words.slice(end - size, end))) break;
    end -= size;
  }
  return words.slice(0, end);
}

/** Two or more boxes, each before an option: `[ ] Passed [x] Failed`, `☐ Sí ☑ No`. */
function isChoiceValue(value: string): boolean {
  return (value.match(/(?:\[[ xX✓✔]\]|[☐☑☒])\s*[\p{L}\p{N}]/gu) ?? []).length >= 2;
}

/** A value or label without the HTML comments written after it (a loop: a regex here is quadratic on long lines). */
function withoutTrailingComments(text: string): string {
  let out = text;
  for (let end = out.trimEnd(); end.endsWith('-->'); end = out.trimEnd()) {
    const open = end.lastIndexOf('<!--', end.length - 3);
    if (open === -1) break;
    out = end.slice(0, open);
  }
  return out === text ? text : out.trimEnd();
}

function collectFields(node: Nodes, frame: Frame, facts: FactsDraft): void {
  const { fields } = facts;
  const r = nodeRange(node, frame);
  for (let line = r.start.line; line <= r.end.line; line++) {
    const text = lineText(frame, line);
    const field = fieldOf(line, text);
    if (!field) continue;
    // "**Release manager:** <!-- @handle -->": the value is still the template's prompt.
    const prompt = field.value === '' ? /<!--\s*([\s\S]*?)\s*-->\s*$/.exec(text) : null;
    if (prompt) {
      const at = text.lastIndexOf(prompt[0].trimEnd());
      const end = at + prompt[0].trimEnd().length;
      facts.placeholders.push({
        text: (prompt[1] ?? '').trim(),
        range: range(line, at, line, end),
        inFence: false,
        label: field.key,
        shape: 'comment',
        optional: isOptionalBlank(prompt[1] ?? '', text),
      });
    }
    sigilBlank(field, text, facts);
    fields.push(field);
  }
}

/** "**Release captain:** @", "Ticket: #", "Link: https://", "Owner: ?": the sigil the template left, or a question mark, and nothing else. */
function sigilBlank(field: FieldFact, text: string, facts: FactsDraft): void {
  if (!SIGIL_ONLY.test(field.value)) return;
  const { start, end } = field.valueRange;
  // A list entry's first line may also be a paragraph's field line: one blank.
  if (facts.placeholders.some((p) => p.range.start.line === start.line && p.range.start.character === start.character))
    return;
  facts.placeholders.push({
    text: field.value,
    range: range(start.line, start.character, end.line, end.character),
    inFence: false,
    label: field.key,
    shape: 'word',
    optional: isOptionalBlank('', text),
  });
}

/** A `**Key**: value` line, or a plain `Key: value` line for the keys the model reads. */
function fieldOf(line: number, text: string): FieldFact | undefined {
  const bold = FIELD.exec(text);
  const plain = bold || !text.includes(':') ? undefined : PLAIN_FIELD.exec(text);
  // A plain `Key: value` is a field for the keys the model reads, or when its value is a choice ("Security review: [ ] Passed [ ] Failed").
  const match = bold ?? (plain && (isDocumentKey(plain[2] ?? '') || isChoiceValue(plain[3] ?? '')) ? plain : undefined);
  if (!match) return undefined;
  const value = withoutTrailingComments((match[3] ?? '').trim());
  const valueStart =
    value === '' ? text.trimEnd().length : text.indexOf(value, (match[1]?.length ?? 0) + (match[2]?.length ?? 0) + 1);
  return {
    key: (match[2] ?? '').trim(),
    value,
    range: range(line, 0, line, text.trimEnd().length),
    valueRange: range(line, valueStart, line, valueStart + value.length),
  };
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
