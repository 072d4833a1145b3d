// File references in a paragraph, heading or table cell: code spans
// (`docs/runbook.md`, or a whole `curl -F "f=@x.jpg"` command), relative link
// targets, and path-shaped words of the prose (`see services/openaiService.js`).
import type { Nodes } from 'mdast';
import { walk } from '../../markdown/walk';
import { range, type Position } from '../../types';
import { CURL_COMMAND, curlFiles } from './curl';
import { asOutsidePath, asPath } from './pathLike';
import type { FileReference } from './types';
import { linkTarget, pathWords } from './words';

const SKIPPED = new Set(['image', 'imageReference', 'linkReference', 'html', 'footnoteReference', 'definition']);

/**
 * @param text the whole text the node was parsed from (node offsets index it)
 * @param positionAt maps an offset of `text` to the position references should carry
 */
export function inlineReferences(node: Nodes, text: string, positionAt: (offset: number) => Position): FileReference[] {
  const references: FileReference[] = [];
  const add = (reference: Omit<FileReference, 'range' | 'inFence'>, from: number, to: number) => {
    const start = positionAt(from);
    const end = positionAt(to);
    references.push({
      ...reference,
      range: range(start.line, start.character, end.line, end.character),
      inFence: false,
    });
  };
  const visit = (current: Nodes): 'skip' | undefined => {
    const from = current.position?.start.offset;
    const to = current.position?.end.offset;
    if (from === undefined || to === undefined || SKIPPED.has(current.type)) return 'skip';
    const source = text.slice(from, to);
    switch (current.type) {
      case 'inlineCode':
        codeSpan(source, from, add);
        return 'skip';
      case 'link': {
        const target = linkTarget(current.url);
        const textEnd = (current.children.at(-1)?.position?.end.offset ?? from) - from;
        const at = target ? source.indexOf(current.url, textEnd) : -1;
        if (target && at !== -1)
          add(
            { ...target, text: current.url, form: 'link', directory: undefined, key: undefined },
            from + at,
            from + at + current.url.length,
          );
        return 'skip';
      }
      case 'text':
        for (const word of pathWords(source, 'text'))
          add(
            { path: word.path, kind: word.kind, text: word.text, form: 'text', directory: undefined, key: undefined },
            from + word.start,
            from + word.end,
          );
        return 'skip';
      default:
        return undefined;
    }
  };
  if ('children' in node) for (const child of node.children) walk(child, visit);
  return references;
}

/** A code span is one path (`docs/playbooks/`) or a command whose `@file` arguments are paths. */
function codeSpan(
  source: string,
  from: number,
  add: (r: Omit<FileReference, 'range' | 'inFence'>, from: number, to: number) => void,
): void {
  const open = /^`+/.exec(source)?.[0].length ?? 0;
  const inner = source.slice(open, source.length - open);
  const lead = inner.length - inner.trimStart().length;
  const content = inner.trim();
  const at = from + open + lead;
  if (CURL_COMMAND.test(`${content} `)) {
    for (const file of curlFiles(content)) {
      const path =
        asOutsidePath(file.text) ?? asPath(file.text.startsWith('.') ? file.text : `./${file.text}`, 'field');
      if (path)
        add(
          { ...path, text: file.text, form: 'curl', directory: undefined, key: undefined },
          at + file.start,
          at + file.end,
        );
    }
    return;
  }
  if (content === '' || /\s/.test(content)) return;
  const path = asOutsidePath(content) ?? asPath(content, 'code-span');
  if (path)
    add({ ...path, text: content, form: 'code-span', directory: undefined, key: undefined }, at, at + content.length);
}
