// Recognises the bracketed blanks a checklist asks its owners to fill in
// ("[PEGAR ENLACE AL PR]", "[X]", "[✅ PASSED / ❌ FAILED]", "[host:port]") and
// tells what kind of value each expects.

export type PlaceholderKind = 'text' | 'number' | 'date' | 'choice' | 'slot';

/** What the blank asks for, used to word messages and pick quick fixes. */
export type PlaceholderPurpose = 'output' | 'link' | 'screenshot' | 'log' | 'name' | 'secret-note' | 'value';

export interface PlaceholderMatch {
  /** The inner text, without the brackets. */
  readonly text: string;
  /** Offset of the opening bracket within the scanned string. */
  readonly start: number;
  /** Offset just past the closing bracket. */
  readonly end: number;
}

export interface PlaceholderInfo {
  readonly kind: PlaceholderKind;
  readonly purpose: PlaceholderPurpose;
  /** The options of a choice placeholder, in document order. */
  readonly options: readonly string[];
}

// `[inner]` not followed by `(` or `[` (inline links and full references).
const BRACKETS = /\[([^[\]\n]{1,200})\](?![([])/g;
const TASK_BOX = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/;

/** Finds placeholder candidates in one line of text (prose or a fenced block line). */
export function findPlaceholders(line: string): PlaceholderMatch[] {
  const matches: PlaceholderMatch[] = [];
  const box = TASK_BOX.exec(line);
  const skipUntil = box ? box[0].length : 0;
  for (const match of line.matchAll(BRACKETS)) {
    const start = match.index;
    const inner = match[1] ?? '';
    if (start < skipUntil) continue;
    const before = start > 0 ? line[start - 1] : '';
    // An escaped bracket, an image, or the second half of a `[text][ref]` reference.
    if (before === '\\' || before === '!' || before === ']') continue;
    // A link reference definition: `[label]: url` at the start of the line.
    if (line[start + match[0].length] === ':' && line.slice(0, start).trim() === '') continue;
    if (inner.trim() === '') continue;
    matches.push({ text: inner, start, end: start + match[0].length });
  }
  return matches;
}

const NUMBER = /^(?:[XxN#]|\d+(?:[.,]\d+)?|[Xx]\.[Xx](?:\.[Xx])?)%?$/;
const DATE = /\b(?:YYYY|AAAA|MM-DD|DD\/MM|HH:MM|fecha|date|hora|time)\b/i;
const SLOT = /^[\w.-]+(?::[\w.-]+|\/[\w.-]+)+$|^[a-z][\w.-]*$|^https?:\/\/\S+$/;

export function classifyPlaceholder(inner: string): PlaceholderInfo {
  const text = inner.trim();
  if (/\s\/\s/.test(text)) {
    return { kind: 'choice', purpose: 'value', options: text.split(/\s+\/\s+/).map((o) => o.trim()).filter((o) => o !== '') };
  }
  if (NUMBER.test(text)) return { kind: 'number', purpose: 'value', options: [] };
  if (DATE.test(text)) return { kind: 'date', purpose: 'value', options: [] };
  if (SLOT.test(text)) return { kind: 'slot', purpose: 'value', options: [] };
  return { kind: 'text', purpose: purposeOf(text), options: [] };
}

function purposeOf(text: string): PlaceholderPurpose {
  const upper = text.toUpperCase();
  if (/NO PEGAR|DO NOT PASTE|DON'T PASTE/.test(upper)) return 'secret-note';
  if (/SCREENSHOT|CAPTURA/.test(upper)) return 'screenshot';
  if (/SALIDA|OUTPUT|RESULTADO|RESULT/.test(upper)) return 'output';
  if (/\bLOGS?\b/.test(upper)) return 'log';
  if (/LINK|ENLACE|URL/.test(upper)) return 'link';
  if (/NOMBRE|\bNAME\b/.test(upper)) return 'name';
  return 'value';
}
