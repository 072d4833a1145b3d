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
const HEADING = /^#{1,6}(?:[ \t]|$)/;

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let fence: string | undefined;
  let inComment = false;
  let blockStartLine = 0;
  let blockStartOffset = 0;
  let line = 0;
  let offset = 0;
  while (offset <= text.length) {
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
          text: text.slice(blockStartOffset, offset),
        });
        blockStartLine = line;
        blockStartOffset = offset;
      }
    }
    line++;
    // Past the last line when no break ends it.
    offset = end + (lineBreakAt(text, end) || 1);
  }
  blocks.push({ startLine: blockStartLine, startOffset: blockStartOffset, text: text.slice(blockStartOffset) });
  return blocks;
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
      runs.push({ text: text.slice(first.startOffset, last.startOffset + last.text.length), blocks: shifted });
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
