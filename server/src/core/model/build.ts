// Assembles the checklist model from the facts of consecutive blocks.
import { classifyPlaceholder } from '../placeholders';
import type { FileReference } from '../references/types';
import { range, shiftRange, type Range } from '../types';
import type { Checkbox, Checklist, Fence, Field, Group, Item, Placeholder, StatedCount, Summary, SummaryGroup } from './checklist';
import { dateIn, resolveDeadline } from './deadline';
import type { BlockFacts, CheckboxFact, HeadingFact } from './facts';
import { isBlockerHeading, isCreatedKey, isDeadlineKey, isOwnerKey, isStateKey, isSummaryHeading, isTotalKey, languageOf, parseState } from './fieldNames';
import { matchSummary } from './summary';

/**
 * A block's facts moved to where the block stands in the document, with its
 * placeholders classified. Cached by the analyzer while the block neither
 * changes nor moves, so assembling the model copies nothing.
 */
export interface PlacedBlock {
  readonly startLine: number;
  readonly endLine: number;
  readonly heading: HeadingFact | undefined;
  readonly fields: readonly Field[];
  readonly checkboxes: readonly Checkbox[];
  readonly fences: readonly Fence[];
  readonly placeholders: readonly Placeholder[];
  readonly ignores: readonly { readonly line: number; readonly codes: readonly string[] }[];
  readonly definitions: readonly string[];
  readonly references: readonly FileReference[];
}

export function placeBlock(facts: BlockFacts, startLine: number): PlacedBlock {
  return {
    startLine,
    endLine: startLine + facts.lineCount - 1,
    heading: facts.heading && { ...facts.heading, range: shiftRange(facts.heading.range, startLine) },
    fields: facts.fields.map((f) => shiftField(f, startLine)),
    checkboxes: facts.checkboxes.map((c) => shiftBox(c, startLine)),
    fences: facts.fences.map((f) => ({ lang: f.lang, range: shiftRange(f.range, startLine), lines: f.lines.map((l) => ({ line: l.line + startLine, text: l.text })) })),
    placeholders: facts.placeholders.map((p) => ({ ...p, range: shiftRange(p.range, startLine), ...classifyPlaceholder(p.text) })),
    ignores: facts.ignores.map((i) => ({ line: i.line + startLine, codes: i.codes })),
    definitions: facts.definitions,
    references: facts.references.map((r) => ({ ...r, range: shiftRange(r.range, startLine) })),
  };
}

const ITEM_HEADING = /^(\d+)[.)]\s+(.+)$/;
const STATED_COUNT = /\((\d+)\s+(?:items?|entregables?|ítems?)\)/i;

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
  references: FileReference[];
}

interface GroupDraft extends Omit<Group, 'itemIds'> {
  itemIds: string[];
}

interface SummaryGroupDraft extends Omit<SummaryGroup, 'entries'> {
  entries: Omit<SummaryGroup['entries'][number], 'itemId' | 'nameMatches'>[];
}

export function buildChecklist(blocks: readonly PlacedBlock[]): Checklist {
  let title: string | undefined;
  const fields: Field[] = [];
  const groups: GroupDraft[] = [];
  const items: ItemDraft[] = [];
  const ignores: { line: number; codes: readonly string[] }[] = [];
  let summary: { title: string; range: Range; groups: SummaryGroupDraft[]; total: StatedCount | undefined } | undefined;
  let inSummary = false;
  let section: GroupDraft | undefined;
  let item: ItemDraft | undefined;
  let summaryGroup: SummaryGroupDraft | undefined;

  for (const block of blocks) {
    ignores.push(...block.ignores);
    const heading = block.heading;
    if (heading) {
      const headingRange = heading.range;
      if (heading.depth <= 3) item = undefined;
      if (heading.depth <= 2) summaryGroup = undefined;
      if (heading.depth === 1) {
        title ??= heading.text;
      } else if (heading.depth === 2) {
        inSummary = isSummaryHeading(heading.text);
        section = inSummary ? undefined : { title: heading.text, blocker: isBlockerHeading(heading.text), range: headingRange, itemIds: [] };
        if (section) groups.push(section);
        if (inSummary && !summary) summary = { title: heading.text, range: headingRange, groups: [], total: undefined };
      } else if (heading.depth === 3 && inSummary && summary) {
        summaryGroup = { title: heading.text, range: headingRange, stated: statedCount(heading), entries: [] };
        summary.groups.push(summaryGroup);
      } else if (heading.depth === 3 && section) {
        const match = ITEM_HEADING.exec(heading.text);
        if (match) {
          item = { id: match[1] ?? '', title: (match[2] ?? '').trim(), group: section.title, blocker: section.blocker, headingRange, endLine: block.startLine, fields: [], checkboxes: [], fences: [], placeholders: [], references: [] };
          items.push(item);
          section.itemIds.push(item.id);
        }
      }
    }
    if (item) {
      addBlock(item, block);
    } else if (inSummary && summary) {
      if (summaryGroup) for (const box of block.checkboxes) if (!box.inFence) summaryGroup.entries.push(box);
      const total = block.fields.find((f) => isTotalKey(f.key));
      if (total) summary.total = countIn(total);
    } else if (!section && !summary) {
      fields.push(...block.fields);
    }
  }

  const defined = new Set(blocks.flatMap((b) => b.definitions).map(normaliseLabel));
  const created = fields.map((f) => (isCreatedKey(f.key) ? dateIn(f.value) : undefined)).find((d) => d !== undefined);
  const finishedSummary = summary ? finishSummary(summary, items) : undefined;
  const shortTitles = new Map<string, string>();
  for (const entry of finishedSummary?.groups.flatMap((g) => g.entries) ?? []) {
    if (entry.itemId !== undefined && entry.nameMatches) shortTitles.set(entry.itemId, entry.label);
  }
  const language = languageOf([...fields, ...items.flatMap((i) => i.fields)].map((f) => f.key));
  return {
    title,
    language,
    fields,
    created,
    groups: groups.filter((g) => g.itemIds.length > 0),
    items: items.map((draft) => finishItem(draft, created, shortTitles.get(draft.id), defined, language)),
    summary: finishedSummary,
    ignores,
  };
}

function addBlock(item: ItemDraft, block: PlacedBlock): void {
  item.endLine = block.endLine;
  item.fields.push(...block.fields);
  item.checkboxes.push(...block.checkboxes);
  item.fences.push(...block.fences);
  item.placeholders.push(...block.placeholders);
  item.references.push(...block.references);
}

function shiftField(f: Field, lines: number): Field {
  return { ...f, range: shiftRange(f.range, lines), valueRange: shiftRange(f.valueRange, lines) };
}

function shiftBox(c: CheckboxFact, lines: number): Checkbox {
  return { ...c, range: shiftRange(c.range, lines), boxRange: shiftRange(c.boxRange, lines) };
}

function statedCount(heading: HeadingFact): StatedCount | undefined {
  const match = STATED_COUNT.exec(heading.source);
  if (!match) return undefined;
  const line = heading.range.start.line;
  const at = match.index + 1;
  return { value: Number(match[1]), range: range(line, at, line, at + (match[1]?.length ?? 0)) };
}

function countIn(field: Field): StatedCount | undefined {
  const match = /\d+/.exec(field.value);
  if (!match) return undefined;
  const { line, character } = field.valueRange.start;
  return { value: Number(match[0]), range: range(line, character + match.index, line, character + match.index + match[0].length) };
}

function finishSummary(draft: { title: string; range: Range; groups: SummaryGroupDraft[]; total: StatedCount | undefined }, items: readonly ItemDraft[]): Summary {
  const entries = matchSummary(draft.groups.flatMap((g) => g.entries), items);
  let next = 0;
  const groups = draft.groups.map((g) => {
    const own = entries.slice(next, next + g.entries.length);
    next += g.entries.length;
    return { ...g, entries: own };
  });
  return { title: draft.title, range: draft.range, groups, total: draft.total };
}

/** How CommonMark compares reference labels: case-folded, inner whitespace collapsed. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function finishItem(draft: ItemDraft, created: string | undefined, shortTitle: string | undefined, defined: ReadonlySet<string>, language: 'es' | 'en'): Item {
  const stateField = draft.fields.find((f) => isStateKey(f.key));
  const deadlineField = draft.fields.find((f) => isDeadlineKey(f.key));
  return {
    id: draft.id,
    title: draft.title,
    shortTitle: shortTitle ?? draft.title,
    group: draft.group,
    blocker: draft.blocker,
    headingRange: draft.headingRange,
    range: range(draft.headingRange.start.line, 0, draft.endLine, 0),
    fields: draft.fields,
    owner: draft.fields.find((f) => isOwnerKey(f.key))?.value,
    deadline: deadlineField?.value,
    deadlineField,
    due: deadlineField ? resolveDeadline(deadlineField.value, created, language) : undefined,
    state: stateField ? parseState(stateField.value) : 'unknown',
    stateField,
    checkboxes: draft.checkboxes,
    fences: draft.fences,
    // `[label]` with a `[label]: url` definition anywhere in the document is a link, not a blank.
    placeholders: defined.size === 0 ? draft.placeholders : draft.placeholders.filter((p) => p.inFence || !defined.has(normaliseLabel(p.text))),
    references: draft.references,
  };
}
