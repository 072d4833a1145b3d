// The "Contenido confirmado" / "Confirmed content" list of an item: task boxes,
// one per section the item's document (the runbook) must have, and which file
// that document is.
import type { Checkbox, Item } from '../model/checklist';
import { isMarkdownPath } from './paths';
import type { FileReference } from '../model/references/types';

const CONTENT_LABEL =
  /^\s*(?:[-*+]\s+)?(?:\*\*)?\s*(?:contenido\s+(?:confirmado|requerido|m[ií]nimo)|secciones\s+(?:requeridas|confirmadas)|confirmed\s+content|content\s+confirmed|required\s+(?:content|sections))\s*(?:\*\*)?\s*:?\s*(?:\*\*)?\s*$/i;

export interface ContentList {
  /** The line of the "Contenido confirmado:" label. */
  readonly line: number;
  /** Its boxes, in order: one per section. */
  readonly boxes: readonly Checkbox[];
  /** The markdown file whose sections they are: the item's runbook, else the nearest markdown file before the list. */
  readonly document: FileReference | undefined;
}

const listsOf = new WeakMap<Item, readonly ContentList[]>();

/** An item's content lists, kept with the item (an unchanged item stays the same object from one analysis to the next). */
export function contentLists(item: Item): readonly ContentList[] {
  let lists = listsOf.get(item);
  if (!lists) listsOf.set(item, (lists = findContentLists(item)));
  return lists;
}

function findContentLists(item: Item): ContentList[] {
  const labels: { line: number; inFence: boolean }[] = [];
  for (const fence of item.fences)
    for (const l of fence.lines) if (CONTENT_LABEL.test(l.text)) labels.push({ line: l.line, inFence: true });
  for (const field of item.fields)
    if (CONTENT_LABEL.test(`${field.key}:`) && field.value.trim() === '')
      labels.push({ line: field.range.start.line, inFence: false });
  return labels.map(({ line, inFence }) => {
    // The boxes right under the label, allowing one blank line between them.
    const boxes: Checkbox[] = [];
    let last = line;
    for (const box of item.checkboxes
      .filter((b) => b.inFence === inFence && b.range.start.line > line)
      .sort((a, b) => a.range.start.line - b.range.start.line)) {
      if (box.range.start.line - last > 2) break;
      boxes.push(box);
      last = box.range.start.line;
    }
    return { line, boxes, document: documentOf(item.references, line) };
  });
}

function documentOf(references: readonly FileReference[], line: number): FileReference | undefined {
  const markdown = references.filter((r) => r.kind === 'file' && isMarkdownPath(r.path));
  const before = markdown.filter((r) => r.range.start.line < line);
  return markdown.find((r) => /runbook/i.test(r.path)) ?? before.at(-1) ?? markdown[0];
}
