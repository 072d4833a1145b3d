import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses markdown (CommonMark + GFM task lists and tables) into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
