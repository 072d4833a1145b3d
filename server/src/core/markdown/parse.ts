import type { Nodes, Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { walk } from './walk';

/**
 * GFM as remark-gfm registers it, less autolink literals: task lists, tables,
 * strikethrough and footnotes. Turning bare `www.x.com` text into links is of no
 * use to a checklist analysis and costs a quarter of the parse.
 */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const processor = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).freeze();

/**
 * Parses markdown (CommonMark + GFM task lists, tables, strikethrough, footnotes) into an mdast tree with
 * positions in `text`, byte order mark included.
 */
export function parseMarkdown(text: string): Root {
  const root = processor.parse(text);
  // micromark skips a leading byte order mark and counts offsets (and line 1's columns) without it.
  if (text.charCodeAt(0) === 0xfeff) walk(root, countByteOrderMark);
  return root;
}

function countByteOrderMark(node: Nodes): undefined {
  for (const point of [node.position?.start, node.position?.end]) {
    if (!point) continue;
    if (point.offset !== undefined) point.offset += 1;
    if (point.line === 1) point.column += 1;
  }
  return undefined;
}
