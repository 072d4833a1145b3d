// What one markdown block (a heading and the content up to the next heading)
// contributes to the checklist, in positions relative to the block's first line.
// Facts depend only on the block's text, so they are cached by that text and
// reused, shifted, while the rest of the document is edited.
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block } from '../markdown/blocks';
import { lineBreakAt, lineEnd, LineIndex, splitLines } from '../markdown/lines';
import { walk } from '../markdown/walk';
import { parseMarkdown } from '../markdown/parse';
import { findPlaceholders } from '../placeholders';
import { fenceReferences } from '../references/fence';
import { inlineReferences } from '../references/inline';
import type { FileReference } from '../references/types';
import { range, type Range } from '../types';

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
}

const FIELD = /^(\s*(?:[-*+]\s+)?)\*\*([^*\n]+?)(?::\*\*|\*\*\s*:)[ \t]*(.*?)\s*$/;
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
}

function factsOf(nodes: readonly RootContent[], frame: Frame): BlockFacts {
  const facts: FactsDraft = { heading: undefined, fields: [], checkboxes: [], fences: [], placeholders: [], definitions: [], ignores: [], references: [] };
  const first = nodes[0];
  if (first?.type === 'heading' && first.position && first.position.start.line - 1 === frame.firstLine) {
    const headingRange = nodeRange(first, frame);
    facts.heading = { depth: first.depth, text: toString(first).trim(), source: lineText(frame, headingRange.start.line), range: headingRange };
  }
  for (const node of nodes) {
    walk(node, (child) => {
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
        case 'listItem':
          if (typeof child.checked === 'boolean') facts.checkboxes.push(listCheckbox(child, frame));
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
    });
  }
  return { lineCount: frame.lineCount, ...facts };
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
      });
    }
    let previousEnd = 0;
    for (const match of findPlaceholders(text)) {
      facts.placeholders.push({
        text: match.text,
        range: range(line, match.start, line, match.end),
        inFence: true,
        label: labelBetween(text, previousEnd, match.start),
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

const EXCLUDED_INLINE = new Set(['inlineCode', 'link', 'linkReference', 'image', 'imageReference', 'html']);

/** Scans the source of a paragraph-like node for placeholders, ignoring code spans, links and HTML. */
function collectPhrasing(node: Nodes, frame: Frame, facts: FactsDraft): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const source = frame.text.slice(start, end);
  if (!source.includes('[')) return;
  const excluded: [number, number][] = [];
  walk(node, (child) => {
    if (child === node || !EXCLUDED_INLINE.has(child.type)) return undefined;
    const s = child.position?.start.offset;
    const e = child.position?.end.offset;
    if (s !== undefined && e !== undefined) excluded.push([s, e]);
    return 'skip';
  });
  for (let lineStart = 0; lineStart <= source.length; ) {
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
      });
      previousEnd = match.end;
    }
    lineStart = lineStop + (lineBreakAt(source, lineStop) || 1);
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
    const match = FIELD.exec(text);
    if (!match) continue;
    const value = withoutTrailingComments(match[3] ?? '');
    const valueStart = value === '' ? text.trimEnd().length : text.indexOf(value, (match[1]?.length ?? 0) + 4);
    fields.push({
      key: (match[2] ?? '').trim(),
      value,
      range: range(line, 0, line, text.trimEnd().length),
      valueRange: range(line, valueStart, line, valueStart + value.length),
    });
  }
}

function listCheckbox(node: Nodes & { type: 'listItem' }, frame: Frame): CheckboxFact {
  const r = nodeRange(node, frame);
  const text = lineText(frame, r.start.line);
  const at = text.indexOf('[', r.start.character);
  return {
    checked: node.checked === true,
    label: withoutTrailingComments(text.slice(at + 3)).trim(),
    range: range(r.start.line, 0, r.start.line, text.length),
    boxRange: range(r.start.line, at, r.start.line, at + 3),
    inFence: false,
  };
}
