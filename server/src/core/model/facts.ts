// What one markdown block (a heading and the content up to the next heading)
// contributes to the checklist, in positions relative to the block's first line.
// Facts depend only on the block's text, so they are cached by that text and
// reused, shifted, while the rest of the document is edited.
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { LineIndex } from '../markdown/lines';
import { parseMarkdown } from '../markdown/parse';
import { findPlaceholders } from '../placeholders';
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
}

const FIELD = /^(\s*(?:[-*+]\s+)?)\*\*([^*\n]+?)(?::\*\*|\*\*\s*:)[ \t]*(.*?)\s*$/;
const FENCE_BOX = /^(\s*[-*+]\s+)\[([ xX])\]\s*(.*)$/;
const FENCE_MARK = /^\s*(`{3,}|~{3,})\s*$/;
const IGNORE = /<!--\s*readiness-ignore-next-line\b([^>]*?)-->/;

export function extractFacts(text: string): BlockFacts {
  const tree: Root = parseMarkdown(text);
  const lines = new LineIndex(text);
  const facts = {
    lineCount: lines.lineCount,
    heading: undefined as HeadingFact | undefined,
    fields: [] as FieldFact[],
    checkboxes: [] as CheckboxFact[],
    fences: [] as FenceFact[],
    placeholders: [] as PlaceholderFact[],
    definitions: [] as string[],
    ignores: [] as IgnoreFact[],
  };

  const first = tree.children[0];
  if (first?.type === 'heading' && first.position) {
    const headingRange = nodeRange(first);
    facts.heading = { depth: first.depth, text: toString(first).trim(), source: lines.lineText(headingRange.start.line), range: headingRange };
  }

  visit(tree, (node) => {
    switch (node.type) {
      case 'code':
        facts.fences.push(collectFence(node, lines, facts));
        return 'skip';
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        collectPhrasing(node, text, lines, facts);
        if (node.type === 'paragraph') collectFields(node, lines, facts.fields);
        return 'skip';
      case 'listItem':
        if (typeof node.checked === 'boolean') facts.checkboxes.push(listCheckbox(node, lines));
        return undefined;
      case 'definition':
        facts.definitions.push(node.label ?? node.identifier);
        return 'skip';
      case 'html': {
        const directive = IGNORE.exec(node.value);
        if (directive && node.position) {
          const codes = (directive[1] ?? '').split(/[\s,]+/).filter((c) => c !== '');
          facts.ignores.push({ line: node.position.end.line, codes });
        }
        return 'skip';
      }
      default:
        return undefined;
    }
  });
  return facts;
}

function nodeRange(node: Nodes): Range {
  const p = node.position;
  if (!p) return range(0, 0, 0, 0);
  return range(p.start.line - 1, p.start.column - 1, p.end.line - 1, p.end.column - 1);
}

function collectFence(node: Nodes & { type: 'code' }, lines: LineIndex, facts: { placeholders: PlaceholderFact[]; checkboxes: CheckboxFact[] }): FenceFact {
  const r = nodeRange(node);
  const content: { line: number; text: string }[] = [];
  for (let line = r.start.line + 1; line <= r.end.line; line++) {
    const text = lines.lineText(line);
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
  return { lang: node.lang ?? '', range: r, lines: content };
}

/** Scans the source of a paragraph-like node for placeholders, ignoring code spans, links and HTML. */
function collectPhrasing(node: Nodes, text: string, lines: LineIndex, facts: { placeholders: PlaceholderFact[] }): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const excluded: [number, number][] = [];
  visit(node, (child) => {
    if (child === node) return undefined;
    if (['inlineCode', 'link', 'linkReference', 'image', 'imageReference', 'html'].includes(child.type)) {
      const s = child.position?.start.offset;
      const e = child.position?.end.offset;
      if (s !== undefined && e !== undefined) excluded.push([s, e]);
      return 'skip';
    }
    return undefined;
  });
  const source = text.slice(start, end);
  let lineStart = 0;
  for (const lineText of source.split('\n')) {
    let previousEnd = 0;
    for (const match of findPlaceholders(lineText)) {
      const from = start + lineStart + match.start;
      const to = start + lineStart + match.end;
      if (excluded.some(([s, e]) => from < e && to > s)) continue;
      const p = lines.positionAt(from);
      facts.placeholders.push({
        text: match.text,
        range: range(p.line, p.character, p.line, p.character + (to - from)),
        inFence: false,
        label: labelBetween(lineText, previousEnd, match.start),
      });
      previousEnd = match.end;
    }
    lineStart += lineText.length + 1;
  }
}

/** The words that introduce a placeholder: what stands between it and the previous one. */
function labelBetween(line: string, from: number, to: number): string {
  return line.slice(from, to).replace(/\*\*/g, '').replace(/^[\s\-*+:|]+|[\s\-:|]+$/g, '').trim();
}

const TRAILING_COMMENTS = /(?:\s*<!--.*?-->)+\s*$/;

/** A value or label without the HTML comments written after it. */
function withoutTrailingComments(text: string): string {
  return text.replace(TRAILING_COMMENTS, '');
}

function collectFields(node: Nodes, lines: LineIndex, fields: FieldFact[]): void {
  const r = nodeRange(node);
  for (let line = r.start.line; line <= r.end.line; line++) {
    const text = lines.lineText(line);
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

function listCheckbox(node: Nodes & { type: 'listItem' }, lines: LineIndex): CheckboxFact {
  const r = nodeRange(node);
  const text = lines.lineText(r.start.line);
  const at = text.indexOf('[', r.start.character);
  return {
    checked: node.checked === true,
    label: withoutTrailingComments(text.slice(at + 3)).trim(),
    range: range(r.start.line, 0, r.start.line, text.length),
    boxRange: range(r.start.line, at, r.start.line, at + 3),
    inFence: false,
  };
}
