import type { Position } from '../types';

// Line breaks as LSP counts them: `\r\n`, `\n` and a lone `\r`.

/** Length of the line break starting at `offset` (2 for `\r\n`, 1 for `\n` or a lone `\r`), 0 if none starts there. */
export function lineBreakAt(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === 10) return 1;
  if (c === 13) return text.charCodeAt(offset + 1) === 10 ? 2 : 1;
  return 0;
}

/** Offset of the next line break at or after `from`, or the text's length. */
export function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The lines of a text, without their breaks (any of the three). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The same text with every lone `\r` turned into `\n`: same length, same offsets,
 * same lines as LSP counts them, so code that only knows `\n` (and `\r\n`) sees
 * the lines the editor shows.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Maps UTF-16 offsets of one text to 0-based line/character positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = lineEnd(text, 0); i < text.length; i = lineEnd(text, i)) {
      i += lineBreakAt(text, i);
      this.starts.push(i);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    // The middle of a `\r\n` is the end of its line.
    const start = this.starts[low] ?? 0;
    return { line: low, character: Math.min(clamped, this.endOf(low)) - start };
  }

  /** The offset of a position, clamped to its line (LSP: a character past the end means the end). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line] ?? 0;
    return Math.min(start + Math.max(0, position.character), this.endOf(position.line));
  }

  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    return this.text.slice(start, this.endOf(line));
  }

  /** Offset just past the last character of a line, before its break. */
  private endOf(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return next - (this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? 2 : 1);
  }
}
