// Splits a markdown document into blocks that each start at a top-level ATX
// heading. Such a line always closes the open paragraph, list or quote, so
// parsing each block on its own gives the same tree as parsing the whole text,
// and a block whose text did not change can reuse its earlier parse.
import { lineBreakAt, lineEnd } from './lines';

export interface Block {
  /** 0-based line of the block's first line in the document. */
  readonly startLine: number;
  /** UTF-16 offset of the block's first character in the document. */
  readonly startOffset: number;
  readonly text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CHUNK = 4096;
const HEADING = /^#{1,6}(?:[ \t]|$)/;

/** A text and its blocks, as split before an edit. */
export interface SplitText {
  readonly text: string;
  readonly blocks: readonly Block[];
}

/**
 * The text's blocks. Given the blocks of an earlier text, the lines before the edit are not read again
 * (the blocks that end before it are kept), and reading stops where the text after the edit meets a block
 * start of the earlier text outside any fence or comment: from there on the split is the earlier one, moved.
 */
export function splitBlocks(text: string, previous?: SplitText): Block[] {
  const blocks: Block[] = [];
  let fence: string | undefined;
  let inComment = false;
  let blockStartLine = 0;
  let blockStartOffset = 0;
  let line = 0;
  let offset = 0;
  const reuse = previous && previous.blocks.length > 1 ? reusable(previous, text) : undefined;
  const first = reuse && previous?.blocks[reuse.from];
  if (reuse && previous && first) {
    for (let i = 0; i < reuse.from; i++) {
      const kept = previous.blocks[i];
      if (kept) blocks.push(kept);
    }
    blockStartLine = line = first.startLine;
    blockStartOffset = offset = first.startOffset;
  }
  // Block starts after the first: made by a heading line (the first block starts with the text, heading or not).
  let next = Math.max(1, reuse?.from ?? 0);
  while (offset <= text.length) {
    if (
      reuse &&
      previous &&
      fence === undefined &&
      !inComment &&
      offset > blockStartOffset &&
      offset >= reuse.suffixStart
    ) {
      // The earlier text's block starts from here on: the first one at or after this line's old offset.
      const old = offset - reuse.shift;
      while ((previous.blocks[next]?.startOffset ?? Infinity) < old) next++;
      const meet = previous.blocks[next];
      if (meet?.startOffset === old) {
        blocks.push({
          startLine: blockStartLine,
          startOffset: blockStartOffset,
          text: own(text.slice(blockStartOffset, offset)),
        });
        const lines = line - meet.startLine;
        for (const b of previous.blocks.slice(next))
          blocks.push({ startLine: b.startLine + lines, startOffset: b.startOffset + reuse.shift, text: b.text });
        return blocks;
      }
    }
    const end = lineEnd(text, offset);
    const content = text.slice(offset, end);
    if (fence !== undefined) {
      const close = FENCE.exec(content);
      if (close?.[1] && close[1][0] === fence[0] && close[1].length >= fence.length && content.trim() === close[1]) {
        fence = undefined;
      }
    } else if (inComment) {
      if (content.includes('-->')) inComment = false;
    } else {
      const open = FENCE.exec(content);
      if (open?.[1] && !(open[1][0] === '`' && content.slice(open[0].length).includes('`'))) {
        fence = open[1];
      } else if (content.startsWith('<!--') && !content.includes('-->', 4)) {
        inComment = true;
      } else if (HEADING.test(content) && line > blockStartLine) {
        blocks.push({
          startLine: blockStartLine,
          startOffset: blockStartOffset,
          text: own(text.slice(blockStartOffset, offset)),
        });
        blockStartLine = line;
        blockStartOffset = offset;
      }
    }
    line++;
    // Past the last line when no break ends it.
    offset = end + (lineBreakAt(text, end) || 1);
  }
  blocks.push({ startLine: blockStartLine, startOffset: blockStartOffset, text: own(text.slice(blockStartOffset)) });
  return blocks;
}

/**
 * The text as a string of its own. V8 keeps a string cut from a longer one as a view of it: a block's text,
 * and every string later read from it, would keep that keystroke's whole document alive, one document per
 * block edited since (2 MB each in a 1 MB checklist). Joined to a character and cut again, it is copied once.
 */
function own(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * Where an edit leaves an earlier split usable: `from`, the first earlier block to read again (the blocks
 * before it end, heading line included, before the first changed character); `suffixStart`, the offset in the
 * new text from which it equals the earlier text's end; `shift`, the change in length.
 */
function reusable(previous: SplitText, text: string): { from: number; suffixStart: number; shift: number } {
  const before = previous.text;
  const limit = Math.min(before.length, text.length);
  // Equal stretches compared a chunk at a time (the engine's string comparison), the last one character by character.
  let prefix = 0;
  while (prefix + CHUNK <= limit && before.slice(prefix, prefix + CHUNK) === text.slice(prefix, prefix + CHUNK))
    prefix += CHUNK;
  while (prefix < limit && before.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix + CHUNK <= limit - prefix &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) ===
      text.slice(text.length - suffix - CHUNK, text.length - suffix)
  )
    suffix += CHUNK;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  )
    suffix++;
  // The last block whose heading line (its content and its line break) lies before the first change.
  let from = previous.blocks.length - 1;
  while (from > 0) {
    const start = previous.blocks[from]?.startOffset ?? 0;
    if (start < prefix && lineEnd(before, start) < prefix) break;
    from--;
  }
  return { from, suffixStart: text.length - suffix, shift: text.length - before.length };
}

/** Consecutive blocks of a document as one text, each block's line and offset relative to that text. */
export interface BlockRun {
  readonly text: string;
  readonly blocks: readonly Block[];
}

/**
 * The blocks that `wanted` picks, gathered in runs of consecutive blocks of about
 * `size` characters: one parse or scan of a run costs less than one per block, and
 * gives what each block alone would (each starts at a top-level heading).
 */
export function blockRuns(
  text: string,
  blocks: readonly Block[],
  wanted: (block: Block) => boolean,
  size: number,
): BlockRun[] {
  const runs: BlockRun[] = [];
  let current: Block[] = [];
  const close = () => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) {
      const shifted = current.map((b) => ({
        startLine: b.startLine - first.startLine,
        startOffset: b.startOffset - first.startOffset,
        text: b.text,
      }));
      runs.push({ text: own(text.slice(first.startOffset, last.startOffset + last.text.length)), blocks: shifted });
    }
    current = [];
  };
  let length = 0;
  for (const block of blocks) {
    if (!wanted(block)) {
      close();
      continue;
    }
    if (current.length > 0 && length + block.text.length > size) close();
    if (current.length === 0) length = 0;
    current.push(block);
    length += block.text.length;
  }
  close();
  return runs;
}
