// A cheap, linear look at a block's structure before it is parsed. The
// markdown parser is superlinear on some shapes nobody writes by hand: thousands
// of nested quotes or lists (`>>>>…`, `- - - …`, ever deeper indentation), and
// paragraphs with thousands of brackets, emphasis marks or backtick runs. A
// block past these limits is read as plain text instead (fields, task boxes,
// blanks, line by line), with one information diagnostic saying so.
import { lineBreakAt, lineEnd } from './lines';

/** Containers a line may open or continue: quotes, list items, and indentation (2 columns a level). */
export const MAX_NESTING_DEPTH = 12;
/** Of each of `[`, `*`, `_`, `` ` `` and `<` in one paragraph (a run of non-blank lines outside fences). */
export const MAX_DELIMITERS = 256;

export interface Overload {
  readonly reason: 'nesting' | 'delimiters';
  /** Block-relative line where the limit was passed. */
  readonly line: number;
  /** The depth, or the number of delimiters of one kind, found (at least). */
  readonly amount: number;
  readonly limit: number;
}

const FENCE_OPEN = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})/;
const CONTAINER = /^[ \t]{0,3}(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/;
const DELIMITERS = ['[', '*', '_', '`', '<'] as const;

/** The first limit a block's text passes, or undefined when it parses in time linear in its size. */
export function overloadOf(text: string): Overload | undefined {
  let fence: string | undefined;
  const counts = new Map<string, number>();
  let line = 0;
  for (let offset = 0; offset <= text.length; line++) {
    const end = lineEnd(text, offset);
    if (fence !== undefined) {
      const close = FENCE_OPEN.exec(text.slice(offset, Math.min(end, offset + 200)));
      if (close?.[1]?.[0] === fence[0] && close[1].length >= fence.length) fence = undefined;
    } else {
      const depth = nestingDepth(text, offset, end);
      if (depth > MAX_NESTING_DEPTH) return { reason: 'nesting', line, amount: depth, limit: MAX_NESTING_DEPTH };
      const open = FENCE_OPEN.exec(text.slice(offset, Math.min(end, offset + 200)));
      if (open?.[1]) {
        fence = open[1];
        counts.clear();
      } else if (/^[ \t]*$/.test(text.slice(offset, Math.min(end, offset + 200))) && end - offset < 200) {
        counts.clear();
      } else {
        for (let i = offset; i < end; i++) {
          const c = text[i];
          if (!DELIMITERS.includes(c as (typeof DELIMITERS)[number])) continue;
          const n = (counts.get(c) ?? 0) + 1;
          counts.set(c, n);
          if (n > MAX_DELIMITERS) return { reason: 'delimiters', line, amount: n, limit: MAX_DELIMITERS };
        }
      }
    }
    offset = end + (lineBreakAt(text, end) || 1);
  }
  return undefined;
}

/** Quote and list markers at the start of a line, plus its indentation in levels of two columns; stops counting past the limit. */
function nestingDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let at = start;
  let columns = 0;
  while (at < end && depth + (columns >> 1) <= MAX_NESTING_DEPTH) {
    const c = text[at];
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4;
    else {
      const marker = CONTAINER.exec(text.slice(at, Math.min(end, at + 16)));
      if (!marker) break;
      depth++;
      at += marker[0].length;
      continue;
    }
    at++;
  }
  return depth + (columns >> 1);
}
