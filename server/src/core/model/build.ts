// Assembles the checklist model from the facts of consecutive blocks.
import { classifyPlaceholder } from '../placeholders';
import { shiftRange, range, type Range } from '../types';
import type { Checkbox, Checklist, Fence, Field, Group, Item, Placeholder } from './checklist';
import type { BlockFacts } from './facts';
import { isBlockerHeading, isDeadlineKey, isOwnerKey, isStateKey, parseState } from './fieldNames';

export interface PlacedFacts {
  readonly startLine: number;
  readonly facts: BlockFacts;
}

const ITEM_HEADING = /^(\d+)[.)]\s+(.+)$/;

interface ItemDraft {
  id: string;
  title: string;
  group: string;
  blocker: boolean;
  headingRange: Range;
  endLine: number;
  fields: Field[];
  checkboxes: Checkbox[];
  fences: Fence[];
  placeholders: Placeholder[];
}

export function buildChecklist(blocks: readonly PlacedFacts[]): Checklist {
  let title: string | undefined;
  const fields: Field[] = [];
  const groups: (Omit<Group, 'itemIds'> & { itemIds: string[] })[] = [];
  const items: ItemDraft[] = [];
  let section: (typeof groups)[number] | undefined;
  let item: ItemDraft | undefined;

  for (const { startLine, facts } of blocks) {
    const heading = facts.heading;
    if (heading) {
      const headingRange = shiftRange(heading.range, startLine);
      if (heading.depth === 1) {
        title ??= heading.text;
        item = undefined;
      } else if (heading.depth === 2) {
        section = { title: heading.text, blocker: isBlockerHeading(heading.text), range: headingRange, itemIds: [] };
        groups.push(section);
        item = undefined;
      } else if (heading.depth === 3) {
        const match = ITEM_HEADING.exec(heading.text);
        item = match && section
          ? { id: match[1] ?? '', title: (match[2] ?? '').trim(), group: section.title, blocker: section.blocker, headingRange, endLine: startLine, fields: [], checkboxes: [], fences: [], placeholders: [] }
          : undefined;
        if (item && section) {
          items.push(item);
          section.itemIds.push(item.id);
        }
      }
    }
    if (item) {
      addFacts(item, startLine, facts);
    } else if (!section) {
      for (const f of facts.fields) fields.push(shiftField(f, startLine));
    }
  }

  return {
    title,
    fields,
    groups: groups.filter((g) => g.itemIds.length > 0),
    items: items.map(finishItem),
  };
}

function addFacts(item: ItemDraft, startLine: number, facts: BlockFacts): void {
  item.endLine = startLine + facts.lineCount - 1;
  for (const f of facts.fields) item.fields.push(shiftField(f, startLine));
  for (const c of facts.checkboxes) item.checkboxes.push({ ...c, range: shiftRange(c.range, startLine), boxRange: shiftRange(c.boxRange, startLine) });
  for (const f of facts.fences) {
    item.fences.push({ lang: f.lang, range: shiftRange(f.range, startLine), lines: f.lines.map((l) => ({ line: l.line + startLine, text: l.text })) });
  }
  for (const p of facts.placeholders) {
    item.placeholders.push({ ...p, range: shiftRange(p.range, startLine), ...classifyPlaceholder(p.text) });
  }
}

function shiftField(f: Field, lines: number): Field {
  return { ...f, range: shiftRange(f.range, lines), valueRange: shiftRange(f.valueRange, lines) };
}

function finishItem(draft: ItemDraft): Item {
  const stateField = draft.fields.find((f) => isStateKey(f.key));
  return {
    id: draft.id,
    title: draft.title,
    group: draft.group,
    blocker: draft.blocker,
    headingRange: draft.headingRange,
    range: range(draft.headingRange.start.line, 0, draft.endLine, 0),
    fields: draft.fields,
    owner: draft.fields.find((f) => isOwnerKey(f.key))?.value,
    deadline: draft.fields.find((f) => isDeadlineKey(f.key))?.value,
    state: stateField ? parseState(stateField.value) : 'unknown',
    stateField,
    checkboxes: draft.checkboxes,
    fences: draft.fences,
    placeholders: draft.placeholders,
  };
}
