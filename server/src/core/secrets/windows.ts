// The keyword prefilter: a rule's patterns only run on the lines that contain one of
// its keywords (and, for rules that read a command's output, the lines after it).
// All keywords are found in one pass of a single alternation over a lower-cased copy
// (five times faster than one indexOf pass per keyword), far cheaper than running
// ~50 rules' regular expressions over every line.
//
// Every window is bounded, so no input, however long its lines or dense its keywords,
// makes a rule scan more than a fixed stretch around each keyword.

export interface TextWindow {
  readonly start: number;
  readonly end: number;
}

/** On longer lines (minified JSON, base64 blobs) only a stretch around the keyword is scanned. */
const LONG_LINE = 8192;
const BEFORE_KEYWORD = 2048;
const AFTER_KEYWORD = 6144;
/** A window with its output lines, or several merged windows, is never longer than this. */
const MAX_WINDOW = 65536;

// Where a command's output ends: the next shell prompt, fence, heading or bash comment.
const STOP_LINE = /^[ \t]*(?:\$[ \t]|```|~~~|#{1,6}[ \t]|PS [A-Z]:\\)/;

/** A keyword list compiled once: its alternation, and its keywords by first character. */
export class KeywordSet {
  readonly pattern: RegExp | undefined;
  /** The alternation reports one keyword per position; the others starting there (sk, sk- and sk-proj-) are found with startsWith. */
  readonly byFirst = new Map<string, string[]>();

  constructor(keywords: Iterable<string>) {
    const distinct = [...new Set(keywords)].filter((keyword) => keyword !== '');
    for (const keyword of distinct) {
      const first = keyword.charAt(0);
      const list = this.byFirst.get(first);
      if (list === undefined) this.byFirst.set(first, [keyword]);
      else list.push(keyword);
    }
    this.pattern = distinct.length === 0 ? undefined : new RegExp(distinct.map(escapeRegExp).join('|'), 'g');
  }
}

export class KeywordIndex {
  private readonly hitsByKeyword = new Map<string, number[]>();
  private lineStarts: number[] | undefined;
  /** For each line, the first stop line after it (or the line count); built on first use. */
  private nextStop: Int32Array | undefined;

  /** Finds every occurrence of every keyword of the set in the text. */
  constructor(
    private readonly text: string,
    keywords: KeywordSet,
  ) {
    const anyKeyword = keywords.pattern;
    if (anyKeyword === undefined) return;
    const lower = lowerCaseKeepingOffsets(text);
    // The search resumes one character after each match, so that overlapping occurrences are found too.
    anyKeyword.lastIndex = 0;
    for (let match = anyKeyword.exec(lower); match !== null; match = anyKeyword.exec(lower)) {
      const at = match.index;
      for (const keyword of keywords.byFirst.get(lower.charAt(at)) ?? []) {
        if (!lower.startsWith(keyword, at)) continue;
        const hits = this.hitsByKeyword.get(keyword);
        if (hits === undefined) this.hitsByKeyword.set(keyword, [at]);
        else hits.push(at);
      }
      anyKeyword.lastIndex = at + 1;
    }
  }

  /** True when no keyword occurs in the text: no rule has anything to scan. */
  get isEmpty(): boolean {
    return this.hitsByKeyword.size === 0;
  }

  /**
   * The windows to scan for a rule: each line holding a keyword (on a very long line, the
   * stretch around it), extended by up to `followLines` lines of output that end before
   * the next stop line. Overlapping windows are merged up to MAX_WINDOW.
   */
  windows(keywords: readonly string[], followLines: number): TextWindow[] {
    const windows: { start: number; end: number }[] = [];
    let keywordLineEnd = -1;
    for (const hit of this.hitsOfAll(keywords)) {
      if (hit < keywordLineEnd) continue;
      const window = this.windowAround(hit, followLines);
      keywordLineEnd = window.keywordLineEnd;
      const last = windows[windows.length - 1];
      if (last !== undefined && window.start < last.end) {
        if (window.end <= last.end) continue;
        if (window.end - last.start <= MAX_WINDOW) {
          last.end = window.end;
          continue;
        }
      }
      windows.push({ start: window.start, end: window.end });
    }
    return windows;
  }

  private hitsOfAll(keywords: readonly string[]): number[] {
    const all: number[] = [];
    for (const keyword of new Set(keywords)) for (const hit of this.hitsByKeyword.get(keyword) ?? []) all.push(hit);
    return all.length < 2 ? all : all.sort((a, b) => a - b);
  }

  private windowAround(hit: number, followLines: number): TextWindow & { keywordLineEnd: number } {
    const starts = this.lines();
    const line = lineOf(starts, hit);
    const lineStart = starts[line] ?? 0;
    const lineEnd = this.endOfLine(line);
    if (lineEnd - lineStart > LONG_LINE) {
      // A long line's stretch; output lines are not followed from the middle of a line.
      const end = Math.min(lineEnd, hit + AFTER_KEYWORD);
      return { start: Math.max(lineStart, hit - BEFORE_KEYWORD), end, keywordLineEnd: end };
    }
    if (followLines === 0) return { start: lineStart, end: lineEnd, keywordLineEnd: lineEnd };
    const lastLine = Math.min(line + followLines, this.stops()[line] - 1);
    return {
      start: lineStart,
      end: Math.min(this.endOfLine(lastLine), lineStart + MAX_WINDOW),
      keywordLineEnd: lineEnd,
    };
  }

  private lines(): number[] {
    if (this.lineStarts === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  private stops(): Int32Array {
    if (this.nextStop === undefined) {
      const starts = this.lines();
      const next = new Int32Array(starts.length);
      let stop = starts.length;
      for (let line = starts.length - 1; line >= 0; line--) {
        next[line] = stop;
        const start = starts[line] ?? 0;
        if (STOP_LINE.test(this.text.slice(start, Math.min(start + 64, this.endOfLine(line))))) stop = line;
      }
      this.nextStop = next;
    }
    return this.nextStop;
  }

  private endOfLine(line: number): number {
    const next = this.lines()[line + 1];
    return next === undefined ? this.text.length : next - 1;
  }
}

/** The index of the line holding `offset` (lineStarts is sorted). */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// toLowerCase keeps the length of almost every text; the rare exception (İ becomes two
// code units) would shift offsets, so such texts are lower-cased in ASCII only.
function lowerCaseKeepingOffsets(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}
