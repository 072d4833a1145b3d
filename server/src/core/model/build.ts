// Assembles the checklist model from the facts of consecutive blocks. The model
// follows the document: headings make a tree of sections; a section is an item
// when its heading is numbered or carries item fields, and a section without item
// headings becomes an item holding its checks (or, when its list entries or table
// rows are deliverables of their own, one item per entry or row). Checks are the
// units an owner ticks: task boxes, table rows with a status, checkbox, decision or
// owner column, numbered steps.
import { classifyPlaceholder, isOptionalBlank, UNASSIGNED } from '../placeholders';
import type { FileReference } from './references/types';
import { range, shiftRange, type Position, type Range } from '../types';
import type {
  Check,
  Checkbox,
  Checklist,
  CountClaim,
  DocumentLanguage,
  Fence,
  Field,
  Group,
  Item,
  ItemKind,
  ItemState,
  OverallState,
  Placeholder,
  StateChoice,
  StatedCount,
  Summary,
  SummaryEntry,
  SummaryGroup,
} from './checklist';
import { dateIn, resolveDeadline } from './deadline';
import type { BlockFacts, CellFact, CheckboxFact, HeadingFact, ListEntryFact, ProseFact, TableFact } from './facts';
import {
  choiceOptions,
  hasItemBlockerMark,
  isBlockerHeading,
  isBlockerPriority,
  isCheckboxColumn,
  isCreatedKey,
  isDateKey,
  isDeadlineKey,
  isDecisionKey,
  isEvidenceKey,
  isInstructionsHeading,
  isItemKey,
  isNameColumn,
  isOverallStateKey,
  isOwnerKey,
  isPersonKey,
  isPriorityKey,
  isReasonKey,
  isSignOffKey,
  isStateKey,
  isSummaryHeading,
  isTicked,
  isTotalKey,
  documentLanguageOf,
  parseState,
  statePhrase,
  type StateWords,
} from './fieldNames';
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
  readonly entries: readonly ListEntryFact[];
  readonly tables: readonly TableFact[];
  readonly prose: readonly ProseFact[];
}

export function placeBlock(facts: BlockFacts, startLine: number): PlacedBlock {
  return {
    startLine,
    endLine: startLine + facts.lineCount - 1,
    heading: facts.heading && { ...facts.heading, range: shiftRange(facts.heading.range, startLine) },
    fields: facts.fields.map((f) => shiftField(f, startLine)),
    checkboxes: facts.checkboxes.map((c) => shiftBox(c, startLine)),
    fences: facts.fences.map((f) => ({
      lang: f.lang,
      range: shiftRange(f.range, startLine),
      lines: f.lines.map((l) => ({ line: l.line + startLine, text: l.text })),
    })),
    placeholders: blockPlaceholders(facts, startLine),
    ignores: facts.ignores.map((i) => ({ line: i.line + startLine, codes: i.codes })),
    definitions: facts.definitions,
    references: facts.references.map((r) => ({ ...r, range: shiftRange(r.range, startLine) })),
    entries:
      startLine === 0
        ? facts.entries
        : facts.entries.map((e) => ({
            ...e,
            line: e.line + startLine,
            parentLine: e.parentLine === undefined ? undefined : e.parentLine + startLine,
            fields: e.fields.map((f) => shiftField(f, startLine)),
          })),
    tables: startLine === 0 ? facts.tables : facts.tables.map((t) => shiftTable(t, startLine)),
    prose: startLine === 0 ? facts.prose : facts.prose.map((p) => ({ line: p.line + startLine, text: p.text })),
  };
}

/**
 * The blanks of a block: the placeholders its lines hold, the empty values of its field tables
 * ("| Evidence | |") and its fields written as a choice with no option ticked ("**Rollback**: [ ] Yes [ ] No").
 */
function blockPlaceholders(facts: BlockFacts, startLine: number): Placeholder[] {
  const placeholders: Placeholder[] = facts.placeholders.map((p) => {
    const at = shiftRange(p.range, startLine);
    // A "TBD" or "pendiente" asks for what its key names ("responsable: XXX" is a name, not the number mask XXX).
    const typed = p.shape === 'word' ? emptyBlank(p.label.split(/[()—–|;·,]/).at(-1) ?? '', at) : undefined;
    return {
      ...p,
      range: at,
      ...(typed
        ? { kind: typed.kind, purpose: typed.purpose, options: typed.options }
        : classifyPlaceholder(p.text, p.label)),
    };
  });
  const taken = (r: Range) =>
    placeholders.some(
      (p) =>
        p.range.start.line === r.start.line &&
        p.range.start.character < r.end.character &&
        p.range.end.character > r.start.character,
    );
  for (const table of facts.tables) {
    if (!table.fieldTable) continue;
    for (const row of table.rows) {
      const [key, value] = row.cells;
      if (!key || !value || !isEmptyCell(value.text)) continue;
      const blank = emptyBlank(key.text, shiftRange(value.blankRange ?? value.range, startLine));
      if (blank) placeholders.push(blank);
    }
  }
  // "Responsable: pendiente", "- Owner: unassigned": a person, date or evidence not given yet (a state "Pendiente" is a state).
  for (const field of [...facts.fields, ...facts.entries.flatMap((e) => e.fields)]) {
    const valueRange = shiftRange(field.valueRange, startLine);
    if (isStateKey(field.key) || !UNASSIGNED.test(field.value.replace(/\*\*|__/g, '').trim()) || taken(valueRange))
      continue;
    const blank = emptyBlank(field.key, valueRange);
    if (blank) placeholders.push({ ...blank, text: field.value, shape: 'word' });
  }
  // "Owner:", "- **Due:**" left empty: a blank, unless what follows the line gives the value (a list, a fence,
  // a table: "Owner:" over "- Ana"). Evidence and sign-offs are left alone: their value is often written below.
  const continued = (line: number, entry: boolean) =>
    facts.entries.some((e) => (entry ? e.parentLine === line : e.line === line + 1)) ||
    facts.fences.some((f) => f.range.start.line === line + 1) ||
    facts.tables.some((t) => t.range.start.line === line + 1) ||
    facts.checkboxes.some((c) => c.range.start.line === line + 1);
  const entryLines = new Set(facts.entries.map((e) => e.line));
  for (const field of [...facts.fields, ...facts.entries.flatMap((e) => e.fields)]) {
    const line = field.range.start.line;
    if (field.value !== '' || isEvidenceKey(field.key) || isSignOffKey(field.key)) continue;
    const valueRange = shiftRange(field.valueRange, startLine);
    // A prompt after the key ("**Due:** <!-- YYYY-MM-DD -->") is that blank already.
    const prompted = placeholders.some(
      (p) => p.range.start.line === valueRange.start.line && p.range.end.character >= valueRange.start.character,
    );
    if (prompted || continued(line, entryLines.has(line))) continue;
    const blank = emptyBlank(field.key, valueRange);
    if (blank) placeholders.push(blank);
  }
  for (const field of facts.fields) {
    const choice = choiceOptions(field.value);
    const valueRange = shiftRange(field.valueRange, startLine);
    if (!choice || choice.some((o) => o.ticked) || taken(valueRange)) continue;
    placeholders.push({
      text: field.value,
      range: valueRange,
      inFence: false,
      label: field.key,
      kind: 'choice',
      purpose: 'value',
      options: choice.map((o) => o.label).filter((l) => l !== ''),
      shape: 'choice-boxes',
      optional: isOptionalBlank(field.value, field.key),
    });
  }
  return placeholders.sort(byStart);
}

function byStart(a: { readonly range: Range }, b: { readonly range: Range }): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** An empty cell: nothing, a non-breaking space, an HTML comment. */
function isEmptyCell(text: string): boolean {
  return /^(?:&nbsp;|\s|<!--.*?-->)*$/.test(text);
}

/**
 * The blank an empty cell or field-table value is, by its column: a state, decision, date, owner,
 * person, sign-off or evidence is still to be written; an empty note, comment or priority is no blank.
 */
function emptyBlank(key: string, at: Range): Placeholder | undefined {
  const label = key.replace(/\*\*|__|`/g, '').trim();
  const blank = (
    kind: Placeholder['kind'],
    purpose: Placeholder['purpose'],
    options: readonly string[] = [],
  ): Placeholder => ({
    text: '',
    range: at,
    inFence: false,
    label,
    kind,
    purpose,
    options,
    shape: 'empty',
    optional: isOptionalBlank('', key),
  });
  if (isDecisionKey(key)) return blank('choice', 'value', ['GO', 'NO-GO']);
  // "Approved?", "¿Cumple?": a yes or no.
  if (/^\W*(?:aprobad[oa]|cumple)\W*$/i.test(label)) return blank('choice', 'value', ['Sí', 'No']);
  if (/^\W*(?:approved|met|passed)\W*$/i.test(label)) return blank('choice', 'value', ['Yes', 'No']);
  if (isStateKey(key) && !isCheckboxColumn(key)) return blank('choice', 'value');
  if (isDeadlineKey(key) || isDateKey(key)) return blank('date', 'value');
  if (isOwnerKey(key) || isPersonKey(key)) return blank('text', 'name');
  if (isSignOffKey(key) || isEvidenceKey(key)) return blank('text', 'value');
  return undefined;
}

/** A blank written in a cell takes its column's name, and a TBD or underscores what the column asks for (a date, a name). */
function inColumn(p: Placeholder, table: TableFact, cells: readonly CellFact[]): Placeholder {
  const i = cells.findIndex(
    (c) => c.range.start.character <= p.range.start.character && p.range.end.character <= c.range.end.character,
  );
  const header = table.header[i]?.text.replace(/\*\*|__|`/g, '').trim();
  if (!header) return p;
  const typed = p.shape === 'word' || p.shape === 'underscores' ? emptyBlank(header, p.range) : undefined;
  return typed
    ? { ...p, label: header, kind: typed.kind, purpose: typed.purpose, options: typed.options }
    : { ...p, label: header };
}

/** The empty cells of a check table's row that are blanks; none when the row does not apply. */
function rowBlanks(table: TableFact, cells: readonly CellFact[], columns: Columns, state: ItemState): Placeholder[] {
  if (state === 'not-applicable') return [];
  const blanks: Placeholder[] = [];
  table.header.forEach((header, i) => {
    const cell = cells[i];
    if (!cell || i === columns.name || i === columns.checkbox || i === columns.priority) return;
    // A dash in the state column is a state not given yet; elsewhere it says "none" on purpose.
    const empty =
      isEmptyCell(cell.text) ||
      (i === columns.state && /^[-–—]$/.test(cell.text.trim())) ||
      (i !== columns.state && UNASSIGNED.test(cell.text.replace(/\*\*|__/g, '').trim()));
    if (!empty) return;
    const blank = emptyBlank(header.text, cell.blankRange ?? cell.range);
    if (blank) blanks.push(cell.text === '' ? blank : { ...blank, text: cell.text.trim() });
  });
  return blanks;
}

/** The options an empty state cell or value offers, in the document's language. */
const DEFAULT_STATE_OPTIONS: Record<DocumentLanguage, readonly string[]> = {
  en: ['Done', 'In progress', 'Pending', 'Blocked', 'N/A'],
  es: ['Hecho', 'En curso', 'Pendiente', 'Bloqueado', 'No aplica'],
};

/** What configuration adds to the model's vocabulary. */
export interface ModelOptions {
  readonly stateWords?: StateWords | undefined;
  readonly blockerMarks?: readonly string[] | undefined;
  /** Today (`YYYY-MM-DD`): the year of a deadline written without one ("Dec 1") when the document has no creation date. */
  readonly today?: string | undefined;
}

type SectionKind = 'root' | 'title' | 'summary' | 'instructions' | 'normal';

interface Section {
  readonly heading: HeadingFact | undefined;
  readonly depth: number;
  readonly block: PlacedBlock | undefined;
  readonly parent: Section | undefined;
  readonly children: Section[];
  kind: SectionKind;
  /** The section's own block and every descendant's. */
  endLine: number;
}

interface ItemDraft {
  id: string | undefined;
  title: string;
  kind: ItemKind;
  group: string;
  groupSection: Section | undefined;
  blocker: boolean;
  headingRange: Range;
  startLine: number;
  endLine: number;
  fields: Field[];
  checkboxes: Checkbox[];
  fences: Fence[];
  placeholders: Placeholder[];
  references: FileReference[];
  checks: Check[];
  /** A state read from the item's own line (its box, its row): used when it has no state field. */
  ownState: ItemState | undefined;
  /** Boxes under an empty status field that are its options. */
  stateChoiceBoxes?: Checkbox[];
  /** The state a heading's leading mark gives ("### ✅ Backups"), used last. */
  markState?: ItemState;
  /** A heading item's blocks, each of whose placeholders it holds. */
  blocks?: readonly PlacedBlock[];
}

const ITEM_NUMBER =
  /^(?:(?:item|ítem|entregable|deliverable|task|tarea|paso|step|punto|check|n[ºo°.]?)\s*#?\s*)?(\d{1,3}(?:\.\d{1,3})*)(?!\.?\d)(?:[.):]\s*|\s*[—–-]\s+|\s+(?=\S)|$)(.*)$/iu;
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;

const numberedTitles = new Map<string, readonly [string, string] | null>();

/** "### ✅ 1. Title", "## Item 2 — Title", "#### **5.** Title" → ["1", "Title"]; kept by heading text. */
function numberedTitle(text: string): readonly [string, string] | undefined {
  let title = numberedTitles.get(text);
  if (title === undefined) {
    title = readNumberedTitle(text) ?? null;
    // Bounded: an editing session sees few headings, a pathological document must not grow this forever.
    if (numberedTitles.size > 10_000) numberedTitles.clear();
    numberedTitles.set(text, title);
  }
  return title ?? undefined;
}

function readNumberedTitle(text: string): [string, string] | undefined {
  const bare = text.replace(LEADING_MARKS, '');
  const match = ITEM_NUMBER.exec(bare);
  if (!match || match[1] === undefined) return undefined;
  // A bare "2" heading with no title, or a version-like "4.2.0 notes" without a separator, is not an item.
  if (match[1].split('.').length > 2) return undefined;
  return [match[1], (match[2] ?? '').trim()];
}

export function buildChecklist(blocks: readonly PlacedBlock[], options: ModelOptions = {}): Checklist {
  const root = sectionTree(blocks);
  const all = flatten(root);
  const ignores = blocks.flatMap((b) => b.ignores);
  const defined = new Set(blocks.flatMap((b) => b.definitions).map(normaliseLabel));
  let built = assemble(root, all, options, true);
  // A summary that holds the only checkable content is no summary: read it as the checklist.
  if (built.items.length === 0 && all.some((s) => s.kind === 'summary')) {
    for (const section of all) if (section.kind === 'summary') section.kind = 'normal';
    built = assemble(root, all, options, false);
  }
  const { title, docFields, items, groups, summary, claims, overall, nearMisses } = built;
  const created = docFields
    .map((f) => (isCreatedKey(f.key) ? dateIn(f.value) : undefined))
    .find((d) => d !== undefined);
  const finishedSummary = summary ? finishSummary(summary, items) : undefined;
  const shortTitles = new Map<ItemDraft, string>();
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const entry of finishedSummary?.groups.flatMap((g) => g.entries) ?? []) {
    const item = entry.itemId === undefined ? undefined : byId.get(entry.itemId);
    if (item && entry.nameMatches) shortTitles.set(item, entry.label);
  }
  // The language before the items are finished: `07/12/2025` is 7 December in Spanish, July 12 in English.
  const language = documentLanguageOf([...docFields, ...items.flatMap((i) => i.fields)].map((f) => f.key));
  const definedKey = [...defined].join('\n');
  const finished = items.map((draft) =>
    reusedItem(
      draft,
      { created, today: options.today },
      shortTitles.get(draft),
      defined,
      definedKey,
      options,
      language,
    ),
  );
  const blockers = summaryBlockers(finishedSummary, finished);
  // Blanks outside every item (header fields, a decision line under a table, signature lines) are the document's.
  // A heading item holds every placeholder of its blocks, and no other item reaches their lines: those blocks
  // are skipped whole, and the positions taken are the other items'.
  const held = new Set(items.flatMap((item) => item.blocks ?? []));
  const taken = new Positions((blocks.at(-1)?.endLine ?? 0) + 1);
  for (const item of items) if (!item.blocks) for (const p of item.placeholders) taken.add(p.range.start);
  const ownBlocks = all
    .filter((s) => s.kind === 'normal' || s.kind === 'title' || s.kind === 'root')
    .flatMap((s) => (s.block && !held.has(s.block) ? [s.block] : []));
  const boxes = ownBlocks.flatMap((b) => b.checkboxes.map((c) => c.boxRange));
  const blanks = usedPlaceholders(
    ownBlocks.flatMap((b) => notInstructions(b).filter((p) => !taken.has(p.range.start))),
    defined,
    boxes,
    language,
  );
  return {
    title,
    language,
    fields: docFields,
    created,
    groups: groups.filter((g) => g.itemIds.length > 0),
    items: blockers
      ? finished.map((item) => (item.blocker === blockers.has(item.id) ? item : otherBlocker(item)))
      : finished,
    summary: finishedSummary,
    ignores,
    blanks,
    claims,
    overall,
    nearMisses,
  };
}

const withoutInstructions = new WeakMap<PlacedBlock, readonly Placeholder[]>();

/** A block's placeholders but those on an instructions line, kept with the placed block. */
function notInstructions(block: PlacedBlock): readonly Placeholder[] {
  let kept = withoutInstructions.get(block);
  if (!kept) {
    // "Instrucciones: marcar [x] y pegar [ENLACES]" tells how to fill the checklist: its examples are no blanks.
    const instructions = new Set(block.prose.filter((p) => INSTRUCTIONS_LINE.test(p.text)).map((p) => p.line));
    kept = block.placeholders.filter((p) => !instructions.has(p.range.start.line));
    withoutInstructions.set(block, kept);
  }
  return kept;
}

/** A set of document positions: a line's first character in a table by line, the rare others by line in a map. */
class Positions {
  private readonly first: Int32Array;
  private readonly more = new Map<number, number[]>();

  constructor(lineCount: number) {
    this.first = new Int32Array(lineCount).fill(-1);
  }

  add({ line, character }: Position): void {
    const first = this.first[line];
    if (first === undefined) this.others(line).push(character);
    else if (first === -1) this.first[line] = character;
    else if (first !== character) this.others(line).push(character);
  }

  has({ line, character }: Position): boolean {
    return this.first[line] === character || (this.more.get(line)?.includes(character) ?? false);
  }

  private others(line: number): number[] {
    let others = this.more.get(line);
    if (!others) this.more.set(line, (others = []));
    return others;
  }
}

function sectionTree(blocks: readonly PlacedBlock[]): Section {
  const root: Section = {
    heading: undefined,
    depth: 0,
    block: undefined,
    parent: undefined,
    children: [],
    kind: 'root',
    endLine: 0,
  };
  const stack: Section[] = [root];
  let titleTaken = false;
  let rootBlock: PlacedBlock | undefined;
  for (const block of blocks) {
    const heading = block.heading;
    if (!heading) {
      // Text before the first heading belongs to the document.
      rootBlock ??= block;
      if (rootBlock !== block)
        root.children.push({
          heading: undefined,
          depth: 7,
          block,
          parent: root,
          children: [],
          kind: 'root',
          endLine: block.endLine,
        });
      root.endLine = block.endLine;
      continue;
    }
    while ((stack.at(-1)?.depth ?? 0) >= heading.depth) stack.pop();
    const parent = stack.at(-1) ?? root;
    const inherited = parent.kind === 'summary' || parent.kind === 'instructions' ? parent.kind : undefined;
    let kind: SectionKind = inherited ?? 'normal';
    if (!inherited) {
      if (!titleTaken && heading.depth === 1) kind = 'title';
      else if (isSummaryHeading(heading.text) && !numberedTitle(heading.text)) kind = 'summary';
      else if (
        isInstructionsHeading(
          heading.text,
          block.fields.some((f) => isOwnerKey(f.key) || isDeadlineKey(f.key) || isStateKey(f.key)),
        ) &&
        !numberedTitle(heading.text)
      )
        kind = 'instructions';
    }
    if (heading.depth === 1) titleTaken = true;
    const section: Section = {
      heading,
      depth: heading.depth,
      block,
      parent,
      children: [],
      kind,
      endLine: block.endLine,
    };
    parent.children.push(section);
    stack.push(section);
    for (let s: Section | undefined = parent; s; s = s.parent) s.endLine = Math.max(s.endLine, block.endLine);
  }
  if (rootBlock) (root as { block: PlacedBlock | undefined }).block = rootBlock;
  return root;
}

function flatten(section: Section): Section[] {
  return [section, ...section.children.flatMap(flatten)];
}

function descendants(section: Section): Section[] {
  return section.children.flatMap(flatten);
}

interface Assembled {
  title: string | undefined;
  docFields: Field[];
  items: ItemDraft[];
  groups: (Omit<Group, 'itemIds'> & { itemIds: string[] })[];
  summary: SummaryDraft | undefined;
  claims: CountClaim[];
  overall: OverallState[];
  nearMisses: { line: number; text: string }[];
}

interface SummaryDraft {
  title: string;
  range: Range;
  groups: (Omit<SummaryGroup, 'entries'> & { entries: Omit<SummaryEntry, 'itemId' | 'nameMatches'>[] })[];
  total: StatedCount | undefined;
}

function assemble(root: Section, all: readonly Section[], options: ModelOptions, withSummary: boolean): Assembled {
  const titleSection = all.find((s) => s.kind === 'title');
  const title = titleSection?.heading?.text;
  const docFields = [...(root.block?.fields ?? []), ...(titleSection?.block?.fields ?? [])].filter(
    (f) => !isInstructionsField(f),
  );
  const items: ItemDraft[] = [];
  const claims: CountClaim[] = [];
  const overall: OverallState[] = [];
  const nearMisses: { line: number; text: string }[] = [];
  let summary: SummaryDraft | undefined;

  const candidates = new Map<Section, 'numbered' | 'fielded'>();
  for (const s of all) {
    if (s.kind !== 'normal' || !s.heading || !s.block) continue;
    if (numberedTitle(s.heading.text)) candidates.set(s, 'numbered');
    else if (hasItemFields(s.block) || HEADING_MARK.test(s.heading.text)) candidates.set(s, 'fielded');
  }
  const holdsChecks = (s: Section) => (s.block ? ownChecks(s.block, options).length > 0 : false);
  const isItemHeading = (s: Section): boolean => {
    const kind = candidates.get(s);
    if (!kind) return false;
    const below = descendants(s);
    if (kind === 'numbered') return !below.some((d) => candidates.get(d) === 'numbered');
    return !below.some((d) => candidates.has(d) || holdsChecks(d));
  };

  const groupOf = (s: Section | undefined): Section | undefined => {
    for (let p = s; p; p = p.parent) if (p.kind === 'normal' && p.heading) return p;
    return titleSection;
  };
  // Read once per section: every item under a group asks about the same headings.
  const blockerHeadings = new Map<Section, boolean>();
  const blockerHeading = (p: Section): boolean => {
    let marked = blockerHeadings.get(p);
    if (marked === undefined) {
      marked = p.kind === 'normal' && p.heading !== undefined && isBlockerHeading(p.heading.text, options.blockerMarks);
      blockerHeadings.set(p, marked);
    }
    return marked;
  };
  const markedBlocker = (s: Section | undefined): boolean => {
    for (let p = s; p; p = p.parent) if (blockerHeading(p)) return true;
    return false;
  };

  const visit = (s: Section, insideItem: boolean): void => {
    if (s.kind === 'summary') {
      if (withSummary && s.heading && s.block) summary = addToSummary(summary, s, options);
      collectClaims(s, titleSection, claims, overall, options, true);
    } else if (!insideItem && s.kind === 'normal' && s.heading && isItemHeading(s)) {
      items.push(headingItem(s, groupOf(s.parent), markedBlocker(s.parent), options));
      return;
    } else if (!insideItem && s.block && (s.kind === 'normal' || s.kind === 'title' || s.kind === 'root')) {
      const group = s.kind === 'normal' ? s : groupOf(s);
      items.push(...sectionItems(s, group, s.kind === 'normal' ? groupOf(s.parent) : group, markedBlocker(s), options));
      collectClaims(s, titleSection, claims, overall, options, s.kind !== 'normal');
      nearMisses.push(...nearMissesIn(s.block));
    } else if (s.kind === 'instructions') {
      collectClaims(s, titleSection, claims, overall, options, true);
    }
    for (const child of s.children) visit(child, insideItem);
  };
  visit(root, false);

  numberItems(items);
  const groups: Assembled['groups'] = [];
  const bySection = new Map<Section | undefined, Assembled['groups'][number]>();
  for (const item of items) {
    // Items outside any heading (a document that is one table or list) are grouped under the document.
    if (item.group === '') item.group = title ?? 'Checklist';
    let group = bySection.get(item.groupSection);
    if (!group) {
      const heading = item.groupSection?.heading;
      group = {
        title: item.group,
        blocker: heading
          ? isBlockerHeading(heading.text, options.blockerMarks) && item.groupSection?.kind !== 'title'
          : false,
        range: heading?.range ?? item.headingRange,
        itemIds: [],
      };
      bySection.set(item.groupSection, group);
      groups.push(group);
    }
    group.itemIds.push(item.id ?? '');
  }
  return { title, docFields, items, groups, summary, claims, overall, nearMisses };
}

const INSTRUCTIONS_LINE =
  /^\s*(?:[>*_]\s*)*(?:instrucciones|instructions|nota|note|notas|notes|ejemplo|example|e\.g\.|p\. ?ej\.|leyenda|legend|c[oó]mo usar|how to use|tip|hint|pista)\b\s*(?:\*\*|__)?\s*:/iu;

function isInstructionsField(field: Field): boolean {
  return /^(?:nota|note)s?$/i.test(field.key.trim());
}

function hasItemFields(block: PlacedBlock): boolean {
  return block.fields.some((f) => isStateKey(f.key) || isOwnerKey(f.key) || isDeadlineKey(f.key));
}

function newItem(
  kind: ItemKind,
  title: string,
  id: string | undefined,
  group: Section | undefined,
  blocker: boolean,
  headingRange: Range,
  endLine: number,
): ItemDraft {
  return {
    id,
    title,
    kind,
    group: group?.heading?.text ?? '',
    groupSection: group,
    blocker,
    headingRange,
    startLine: headingRange.start.line,
    endLine,
    fields: [],
    checkboxes: [],
    fences: [],
    placeholders: [],
    references: [],
    checks: [],
    ownState: undefined,
  };
}

function headingItem(s: Section, group: Section | undefined, groupBlocker: boolean, options: ModelOptions): ItemDraft {
  const heading = s.heading as HeadingFact;
  const numbered = numberedTitle(heading.text);
  const written = numbered
    ? numbered[1] || heading.text
    : heading.text.replace(/^(?:\*\*)?(?:✅|☑️?|✔️?|⬜|☐|🔲|⏳|🔄|🚧|❌|\[[ xX]\])\uFE0F?\s+/u, '');
  // "## Store listing — ✅ Done", "### Backups (Pending)", "### DNS [BLOCKED]": a state after the title.
  const trailing = TRAILING_STATE.exec(written);
  const trailingState = trailing && statePhrase(trailing[1] ?? trailing[2] ?? '', options.stateWords);
  const title = trailingState && trailing ? written.slice(0, trailing.index).trim() : written;
  const item = newItem(
    'heading',
    title,
    numbered?.[0],
    group,
    groupBlocker || hasItemBlockerMark(heading.source, options.blockerMarks),
    heading.range,
    s.endLine,
  );
  const blocks = flatten(s).flatMap((section) => (section.block ? [section.block] : []));
  const parts = headingParts(blocks, options);
  item.blocks = blocks;
  item.fields = [...parts.fields];
  item.checkboxes = [...parts.checkboxes];
  item.fences = [...parts.fences];
  item.placeholders = [...parts.placeholders];
  item.references = [...parts.references];
  item.checks = [...parts.checks];
  dropChoiceBoxes(item, options);
  // "### ✅ Backups", "### [ ] DNS": the heading's own mark is its state when nothing else says one.
  const mark = /^(?:\*\*)?(✅|☑️?|✔️?|⬜|☐|🔲|⏳|🔄|🚧|❌|\[[ xX]\])/u.exec(heading.text)?.[1];
  if (mark) item.markState = /^\[[xX]\]$/.test(mark) ? 'done' : mark.startsWith('[') ? 'pending' : parseState(mark);
  else if (trailingState) item.markState = trailingState;
  // "[BLOCKED]" after the title is that state, not a blank to fill in.
  if (trailingState && trailing?.[2] !== undefined) {
    const at = heading.source.lastIndexOf(trailing[0].trim());
    item.placeholders = item.placeholders.filter(
      (p) => p.range.start.line !== heading.range.start.line || p.range.start.character < at,
    );
  }
  if (item.fields.some((f) => isPriorityKey(f.key) && isBlockerPriority(f.value, options.blockerMarks)))
    item.blocker = true;
  return item;
}

const TRAILING_STATE = /(?:\s+[—–|-]\s+(?:\*\*)?([^—–|]{1,30}?)(?:\*\*)?|\s*[([]([^()[\]]{1,30})[)\]])\s*$/u;

type HeadingParts = Pick<ItemDraft, 'fields' | 'checkboxes' | 'fences' | 'placeholders' | 'references' | 'checks'>;

/** A heading item's parts by its first block, with the blocks they were gathered from. */
const partsCache = new WeakMap<
  PlacedBlock,
  { readonly blocks: readonly PlacedBlock[]; readonly key: string; readonly parts: HeadingParts }
>();

/** What a heading item gathers from its blocks (its own and its subsections'), kept while those blocks are unchanged. */
function headingParts(blocks: readonly PlacedBlock[], options: ModelOptions): HeadingParts {
  const key = optionsKey(options);
  const first = blocks[0];
  const cached = first && partsCache.get(first);
  if (
    cached &&
    cached.key === key &&
    cached.blocks.length === blocks.length &&
    cached.blocks.every((b, i) => b === blocks[i])
  )
    return cached.parts;
  const parts: HeadingParts = { fields: [], checkboxes: [], fences: [], placeholders: [], references: [], checks: [] };
  for (const block of blocks) {
    parts.fields.push(...block.fields);
    parts.checkboxes.push(...block.checkboxes);
    parts.fences.push(...block.fences);
    parts.placeholders.push(...block.placeholders);
    parts.references.push(...block.references);
    parts.checks.push(...ownChecks(block, options));
    for (const table of block.tables) {
      const columns = checkColumns(table);
      if (columns)
        for (const row of table.rows) parts.placeholders.push(...headingRowBlanks(table, row, columns, options));
    }
  }
  parts.placeholders.sort(byStart);
  if (first) partsCache.set(first, { blocks, key, parts });
  return parts;
}

/** A status field left empty with a list of state options under it: those boxes are a choice, not checks. */
function dropChoiceBoxes(item: ItemDraft, options: ModelOptions): void {
  const field = item.fields.find((f) => isStateKey(f.key));
  if (!field || field.value.trim() !== '') return;
  const line = field.range.start.line;
  const options_: Checkbox[] = [];
  for (const box of item.checkboxes) {
    if (box.range.start.line !== line + 1 + options_.length) continue;
    if (parseState(box.label, options.stateWords) === 'unknown') break;
    options_.push(box);
  }
  if (options_.length < 2) return;
  const lines = new Set(options_.map((b) => b.range.start.line));
  item.checks = item.checks.filter((c) => !lines.has(c.range.start.line));
  const ticked = options_.find((b) => b.checked);
  item.ownState = ticked ? parseState(ticked.label, options.stateWords) : 'unknown';
  item.stateChoiceBoxes = options_;
}

/** The items a section without item headings makes: one per deliverable entry or row, and one holding the rest of its checks. */
function sectionItems(
  s: Section,
  group: Section | undefined,
  sectionGroup: Section | undefined,
  blocker: boolean,
  options: ModelOptions,
): ItemDraft[] {
  const block = s.block as PlacedBlock;
  const items: ItemDraft[] = [];
  const taken = new Set<number>();
  // Table rows with a status, checkbox, decision or owner column are items of their own.
  for (const table of block.tables) {
    const columns = checkColumns(table);
    if (!columns) continue;
    for (const row of table.rows) {
      const item = rowItem(table, row, columns, group, blocker, options);
      const line = row.range.start.line;
      // What the row's cells hold ("TBD", "<name>", "____") is the row's, named by its column.
      item.placeholders.push(
        ...block.placeholders.filter((p) => p.range.start.line === line).map((p) => inColumn(p, table, row.cells)),
      );
      item.placeholders.sort(byStart);
      // So are the files its cells point at ("Runbook in `docs/runbook.md`", a link).
      item.references.push(...block.references.filter((r) => r.range.start.line === line));
      items.push(item);
      taken.add(line);
    }
  }
  // Top-level entries that carry their own content (nested entries, fields, a blocker mark) are deliverables.
  const entries = block.entries;
  const tree = entryTree(entries);
  const fieldLines = new Set(block.fields.filter((f) => isItemKey(f.key)).map((f) => f.range.start.line));
  const deliverable = (e: ListEntryFact) =>
    (tree.children.get(e.line) ?? []).some(
      (c) => c.checked !== undefined || c.ordered || c.fields.length > 0 || fieldLines.has(c.line),
    ) ||
    titledFields(e) ||
    e.stated ||
    hasItemBlockerMark(e.label, options.blockerMarks);
  // Each line of a deliverable entry, to the entry's item: what lies on it goes to that item.
  const owners = new Map<number, ItemDraft>();
  for (const entry of entries) {
    if (
      entry.depth !== 0 ||
      !(entry.checked !== undefined || entry.ordered || entry.children > 0 || entry.stated || ownsWork(entry)) ||
      !deliverable(entry)
    )
      continue;
    const end = tree.last.get(entry.line) ?? entry.line;
    const item = newItem(
      entry.checked !== undefined || entry.stated ? 'task' : 'step',
      cleanLabel(entry.label),
      undefined,
      group,
      blocker || hasItemBlockerMark(entry.label, options.blockerMarks),
      range(entry.line, 0, entry.line, entry.label.length),
      end,
    );
    item.fields.push(...entry.fields);
    item.ownState = entryState(entry, tree.children.get(entry.line) ?? [], options);
    for (let line = entry.line; line <= end; line++) {
      owners.set(line, item);
      taken.add(line);
    }
    items.push(item);
  }
  if (owners.size > 0) {
    const ownerOf = (r: Range) => owners.get(r.start.line);
    for (const field of block.fields) ownerOf(field.range)?.fields.push(field);
    for (const check of ownChecks(block, options)) ownerOf(check.range)?.checks.push(check);
    for (const box of block.checkboxes) ownerOf(box.range)?.checkboxes.push(box);
    for (const p of block.placeholders) ownerOf(p.range)?.placeholders.push(p);
    for (const r of block.references) ownerOf(r.range)?.references.push(r);
  }
  const rest = ownChecks(block, options).filter((c) => !taken.has(c.range.start.line));
  if (rest.length > 0) {
    const heading = s.heading;
    const label = heading?.text ?? 'Checklist';
    const item = newItem(
      'section',
      label,
      undefined,
      heading ? (sectionGroup ?? s) : group,
      blocker || (heading ? hasItemBlockerMark(heading.source, options.blockerMarks) : false),
      heading?.range ?? rest[0]?.range ?? range(0, 0, 0, 0),
      block.endLine,
    );
    item.checks.push(...rest);
    item.checkboxes.push(...block.checkboxes.filter((c) => !taken.has(c.range.start.line)));
    item.fences.push(...block.fences);
    item.placeholders.push(...block.placeholders.filter((p) => !taken.has(p.range.start.line)));
    item.references.push(...block.references.filter((r) => !taken.has(r.range.start.line)));
    item.fields.push(...(s.kind === 'normal' ? block.fields : []));
    // A section item goes before the rows and entries it was written above.
    items.unshift(item);
  }
  return items.sort((a, b) => a.startLine - b.startLine);
}

/** Each entry's nested entries, and the last line of each entry with everything nested in it: one pass, entries being in document order. */
function entryTree(entries: readonly ListEntryFact[]): {
  children: Map<number, ListEntryFact[]>;
  last: Map<number, number>;
} {
  const byLine = new Map(entries.map((e) => [e.line, e]));
  const children = new Map<number, ListEntryFact[]>();
  const last = new Map<number, number>();
  for (const entry of entries) {
    if (entry.parentLine !== undefined) {
      const siblings = children.get(entry.parentLine);
      if (siblings) siblings.push(entry);
      else children.set(entry.parentLine, [entry]);
    }
    for (
      let up: ListEntryFact | undefined = entry;
      up;
      up = up.parentLine === undefined ? undefined : byLine.get(up.parentLine)
    ) {
      last.set(up.line, Math.max(last.get(up.line) ?? up.line, entry.line));
    }
  }
  return { children, last };
}

function entryState(entry: ListEntryFact, nested: readonly ListEntryFact[], options: ModelOptions): ItemState {
  const stateField = entry.fields.find((f) => isStateKey(f.key));
  if (stateField) return parseState(stateField.value, options.stateWords);
  if (entry.checked === true || stepDone(entry)) return 'done';
  return nested.some((e) => e.checked === true || stepDone(e)) ? 'in-progress' : 'pending';
}

function cleanLabel(label: string): string {
  return (
    withoutFieldList(withoutLinkTargets(label))
      .replace(/\*\*|__/g, '')
      .replace(/\s+[—–-]\s+.*$/, '')
      .trim() || label.trim()
  );
}

const checksCache = new WeakMap<PlacedBlock, { readonly key: string; readonly checks: readonly Check[] }>();

/**
 * The checks written directly in a block: task boxes (also in fences), numbered steps, rows of
 * check tables. Cached with the placed block, which the analyzer keeps while the block is unchanged.
 */
function ownChecks(block: PlacedBlock, options: ModelOptions): readonly Check[] {
  const key = optionsKey(options);
  const cached = checksCache.get(block);
  if (cached?.key === key) return cached.checks;
  const checks = checksOf(block, options);
  checksCache.set(block, { key, checks });
  return checks;
}

function optionsKey(options: ModelOptions): string {
  return options.stateWords === undefined && options.blockerMarks === undefined
    ? ''
    : JSON.stringify([options.stateWords, options.blockerMarks]);
}

function checksOf(block: PlacedBlock, options: ModelOptions): Check[] {
  const checks: Check[] = [];
  for (const box of block.checkboxes) {
    checks.push({
      kind: 'box',
      label: box.label,
      state: box.checked ? 'done' : boxState(box),
      range: box.range,
      markRange: box.boxRange,
      blocker: hasItemBlockerMark(box.label, options.blockerMarks),
    });
  }
  // Bullets led by state marks ("- ✅ Backups", "- ⬜ DNS") are checks when they read as a status list:
  // two kinds of mark, or an open one. A list of ✅ criteria alone is prose.
  const marked = block.entries.filter((e) => !e.ordered && e.checked === undefined && STATE_MARK.test(e.label));
  const marks = new Set(marked.map((e) => STATE_MARK.exec(e.label)?.[0].replace(/\uFE0F/g, '')));
  if (marks.size >= 2 || [...marks].some((m) => m === '⬜' || m === '☐' || m === '🔲')) {
    for (const entry of marked) {
      checks.push({
        kind: 'box',
        label: entry.label.replace(STATE_MARK, '').trim(),
        state: parseState(STATE_MARK.exec(entry.label)?.[0] ?? ''),
        range: range(entry.line, 0, entry.line, entry.label.length),
        markRange: undefined,
        blocker: hasItemBlockerMark(entry.label, options.blockerMarks),
      });
    }
  }
  // A field answered by ticking one of its options ("Security review: [x] Passed [ ] Failed") is a check; an item's own
  // state or decision field is the item's state instead.
  for (const field of block.fields) {
    const choice = choiceOptions(field.value);
    if (!choice || isItemKey(field.key) || isOverallStateKey(field.key) || isTotalKey(field.key)) continue;
    const ticked = choice.find((o) => o.ticked);
    const state = ticked ? parseState(ticked.label, options.stateWords) : 'pending';
    const label = field.key.replace(/\*\*|__/g, '').trim();
    checks.push({
      kind: 'box',
      label,
      state: state === 'unknown' ? 'pending' : state,
      range: field.range,
      markRange: field.valueRange,
      blocker: hasItemBlockerMark(label, options.blockerMarks),
    });
  }
  const introducesTasks = new Set(
    block.entries.flatMap((e) => (e.checked !== undefined && e.parentLine !== undefined ? [e.parentLine] : [])),
  );
  for (const entry of block.entries) {
    if (!entry.ordered || entry.checked !== undefined || entry.label === '') continue;
    // A numbered entry that only introduces nested tasks is not a step of its own.
    if (introducesTasks.has(entry.line)) continue;
    checks.push({
      kind: 'step',
      label: entry.label,
      state: stepDone(entry) ? 'done' : 'pending',
      range: range(entry.line, 0, entry.line, entry.label.length),
      markRange: undefined,
      blocker: hasItemBlockerMark(entry.label, options.blockerMarks),
    });
  }
  for (const table of block.tables) {
    const columns = checkColumns(table);
    if (!columns) continue;
    for (const row of table.rows) {
      const state = rowState(row.cells, columns, options);
      const mark = columns.state ?? columns.checkbox ?? columns.decision ?? columns.signOff;
      checks.push({
        kind: 'row',
        label: rowLabel(row.cells, columns),
        state,
        range: row.range,
        markRange: mark === undefined ? undefined : row.cells[mark]?.range,
        blocker:
          columns.priority !== undefined &&
          isBlockerPriority(row.cells[columns.priority]?.text ?? '', options.blockerMarks),
      });
    }
  }
  return checks.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** An unticked box is pending, unless its label starts by saying it does not apply ("N/A: DB credentials"). */
/** A mark that states a unit's state at the start of its line. Coloured circles mark priority as often as state, so they are left out. */
const STATE_MARK = /^(?:✅|☑️?|✔️?|✓|⬜|☐|🔲|❌|✖️?|✘|✗|⏳|🔄|🚧|➖)\uFE0F?\s*/u;
const HEADING_MARK = /^(?:\*\*)?(?:✅|☑️?|✔️?|⬜|☐|🔲|⏳|🔄|🚧|❌|\[[ xX]\])\uFE0F?\s+\S/u;

function boxState(box: Checkbox): ItemState {
  return /^\s*(?:n\/a|no aplica|not applicable)\b/i.test(box.label) ? 'not-applicable' : 'pending';
}

function stepDone(entry: ListEntryFact): boolean {
  return entry.struck || /✅|✔|☑|✓|\((?:done|hecho|listo|ok)\)/iu.test(entry.label);
}

interface Columns {
  readonly name: number;
  readonly state: number | undefined;
  readonly checkbox: number | undefined;
  readonly decision: number | undefined;
  readonly signOff: number | undefined;
  readonly owner: number | undefined;
  readonly deadline: number | undefined;
  readonly priority: number | undefined;
  readonly evidence: number | undefined;
}

const columnsCache = new WeakMap<TableFact, Columns | null>();
const NUMBERING_KEY = /^(?:#|n|no\.?|n\.?º|nr\.?|n[uú]m(?:\.|ero)?|number|id|ref\.?)$/i;

/** The columns that make a table's rows checks, or undefined for a table of something else. */
function checkColumns(table: TableFact): Columns | undefined {
  const cached = columnsCache.get(table);
  if (cached !== undefined) return cached ?? undefined;
  let found: Columns | undefined;
  if (!table.fieldTable && table.rows.length > 0) {
    const keys = table.header.map((c) => c.text);
    const index = (test: (key: string) => boolean) => {
      const i = keys.findIndex(test);
      return i === -1 ? undefined : i;
    };
    const state = index((k) => isStateKey(k) && !isCheckboxColumn(k));
    const checkbox = index(
      (k) =>
        isCheckboxColumn(k) &&
        table.rows.some((r) =>
          /^\s*(?:\[[ xX]\]|[xX✓✔☑☐✅⬜]?|yes|no|s[ií])\s*$/iu.test(
            (r.cells[keys.indexOf(k)]?.text ?? '').replace(/\uFE0F/g, ''),
          ),
        ),
    );
    const decision = index(isDecisionKey);
    const signOff = index(isSignOffKey);
    const owner = index(isOwnerKey);
    if (
      state !== undefined ||
      checkbox !== undefined ||
      decision !== undefined ||
      signOff !== undefined ||
      owner !== undefined
    ) {
      const used = new Set([state, checkbox, decision, signOff, owner]);
      // A numbering column ("#", "Nr.", "Núm.", or only numbers below its header) names nothing.
      const numbering = (i: number) =>
        NUMBERING_KEY.test(keys[i]?.replace(/[*_`]/g, '').trim() ?? '') ||
        table.rows.every((r) => /^\s*#?\d{1,5}[.)]?\s*$/.test(r.cells[i]?.text ?? ''));
      // The unit's own name ("Item", "Check", "Tarea") before a grouping one ("Area", "Role").
      const named = (k: string, i: number) => !used.has(i) && isNameColumn(k) && !numbering(i);
      const unitColumn = keys.findIndex(
        (k, i) =>
          named(k, i) &&
          /^(?:items?|item #|[ií]tem|entregable|deliverable|task|tarea|paso|step|check|control|criterio[ns]?|criteria|descripci[oó]n|description|actividad|activity|what|qu[eé])$/i.test(
            k.replace(/[*_`]/g, '').trim(),
          ),
      );
      const nameColumn = unitColumn !== -1 ? unitColumn : keys.findIndex(named);
      const name = nameColumn !== -1 ? nameColumn : keys.findIndex((_, i) => !used.has(i) && !numbering(i));
      found = {
        name: Math.max(0, name),
        state,
        checkbox,
        decision,
        signOff,
        owner,
        deadline: index(isDeadlineKey),
        priority: index(isPriorityKey),
        evidence: index(isEvidenceKey),
      };
    }
  }
  columnsCache.set(table, found ?? null);
  return found;
}

const BLANK_CELL = /^(?:|[-–—]|_+|\\?_(?:\\?_)+|<[^>]*>|\[[^\]]*\]|tbd|tbc|todo|xxx|\?+|pendiente de firma)$/i;

function rowState(cells: readonly CellFact[], columns: Columns, options: ModelOptions): ItemState {
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i]?.text ?? '').trim());
  if (columns.state !== undefined) {
    const text = cell(columns.state);
    const choice = choiceOptions(text);
    if (choice) {
      const ticked = choice.find((o) => o.ticked);
      return ticked ? parseState(ticked.label, options.stateWords) : 'unknown';
    }
    return BLANK_CELL.test(text) ? 'unknown' : parseState(text, options.stateWords);
  }
  if (columns.checkbox !== undefined) {
    const text = cell(columns.checkbox);
    if (isTicked(text)) return 'done';
    // "N/A" in a Done? or Yes/No column: the check does not apply.
    return parseState(text, options.stateWords) === 'not-applicable' ? 'not-applicable' : 'pending';
  }
  if (columns.decision !== undefined) {
    const text = cell(columns.decision);
    if (BLANK_CELL.test(text)) return 'pending';
    if (/^no[- ]?go\b/i.test(text)) return 'blocked';
    if (/^go\b/i.test(text)) return 'done';
    const state = parseState(text, options.stateWords);
    return state === 'unknown' ? 'pending' : state;
  }
  if (columns.signOff !== undefined) return BLANK_CELL.test(cell(columns.signOff)) ? 'pending' : 'done';
  return cells.some((c) => /✅|☑|✔/u.test(c.text)) ? 'done' : 'pending';
}

function rowLabel(cells: readonly CellFact[], columns: Columns): string {
  return withoutLinkTargets(cells[columns.name]?.text ?? '')
    .replace(/\*\*|__|`/g, '')
    .trim();
}

/**
 * A title without the fields listed in parentheses after it ("Dry-run (owner: @carol, due 2026-11-30)"), which
 * the facts read as the entry's fields; a parenthesis that lists none ("Update docs (see status page)") stays.
 */
function withoutFieldList(label: string): string {
  const list = /\s*\(([^()]*)\)\s*$/.exec(label);
  const fields = list?.[1]?.split(/[,;]/) ?? [];
  const isField = (part: string) => {
    const key = /^\s*(\p{L}[\p{L} /-]{1,30}?)\s*:/u.exec(part)?.[1];
    return key !== undefined ? isItemKey(key) : /^\s*(?:due|deadline|vence)\s+\d/i.test(part);
  };
  return list && fields.some(isField) ? label.slice(0, list.index) : label;
}

/** Markdown links as their text: "[Runbook](docs/runbook.md)" → "Runbook". */
function withoutLinkTargets(text: string): string {
  return text.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1');
}

function rowItem(
  table: TableFact,
  row: TableFact['rows'][number],
  columns: Columns,
  group: Section | undefined,
  groupBlocker: boolean,
  options: ModelOptions,
): ItemDraft {
  const cells = row.cells;
  const idCell = cells.findIndex((_, i) => /^(?:#|n|no\.?|nº|id)$/i.test(table.header[i]?.text.trim() ?? ''));
  const id = idCell === -1 ? undefined : cells[idCell]?.text.trim() || undefined;
  const priorityBlocker =
    columns.priority !== undefined && isBlockerPriority(cells[columns.priority]?.text ?? '', options.blockerMarks);
  const label =
    rowLabel(cells, columns) || `${table.header[columns.name]?.text ?? ''} ${row.range.start.line + 1}`.trim();
  const item = newItem(
    'row',
    label,
    id,
    group,
    groupBlocker || priorityBlocker || hasItemBlockerMark(label, options.blockerMarks),
    row.range,
    row.range.start.line,
  );
  table.header.forEach((header, i) => {
    const cell = cells[i];
    if (!cell || i === columns.name) return;
    if (
      i === columns.state ||
      i === columns.owner ||
      i === columns.deadline ||
      i === columns.priority ||
      i === columns.evidence ||
      i === columns.signOff ||
      i === columns.decision ||
      i === columns.checkbox
    ) {
      item.fields.push({ key: header.text, value: cell.text, range: cell.range, valueRange: cell.range });
    } else if (isReasonKey(header.text) && cell.text !== '') {
      // What a Notes cell says is the row's too: why it does not apply, what it waits on.
      item.fields.push({ key: header.text, value: cell.text, range: cell.range, valueRange: cell.range });
    }
  });
  item.ownState = rowState(cells, columns, options);
  item.placeholders.push(...rowBlanks(table, cells, columns, item.ownState));
  item.checks.push({
    kind: 'row',
    label,
    state: item.ownState,
    range: row.range,
    markRange: undefined,
    blocker: priorityBlocker,
  });
  return item;
}

/** Written numbers stay; the others take the next free number in document order. */
function numberItems(items: ItemDraft[]): void {
  const used = new Set<string>();
  for (const item of items) {
    if (item.id === undefined || used.has(item.id)) item.id = undefined;
    else used.add(item.id);
  }
  let next = 1;
  for (const item of items) {
    if (item.id !== undefined) continue;
    while (used.has(String(next))) next++;
    item.id = String(next);
    used.add(item.id);
  }
}

const COUNT =
  /(\d{1,4})\s+(?:(?:elementos?|[ií]tems?|items?|puntos?|tareas?)\s+)?(?:(cr[ií]tic[oa]s?|critical|blockers?|bloqueantes?|bloquers?|obligatori[oa]s?|mandatory)\s*)?(items?|[ií]tems?|entregables?|deliverables?|tareas?|tasks?|checks?|elementos?|puntos?|pasos?|steps?|requisitos?|requirements?)?/giu;
const DONE_COUNT =
  /(\d{1,4})\s+(?:(?:items?|[ií]tems?|tareas?|tasks?|entregables?|deliverables?)\s+)?(?:completed|completad[oa]s?|done|hech[oa]s?|list[oa]s?|terminad[oa]s?|finished|cerrad[oa]s?|closed)\b/giu;
/** "3/5 done", "3 of 5 tasks complete", "2 de 4 entregables completados": done over total. */
const FRACTION_COUNT =
  /(?<![\d/])(\d{1,4})\s*(?:\/|of|de)\s*(\d{1,4})(?![\d/])\s*(?:(?:items?|[ií]tems?|tasks?|tareas?|checks?|entregables?|deliverables?|pasos?|steps?)\s+)?(?:are\s+|est[aá]n\s+)?(?:done|complete(?:d)?|completad[oa]s?|hech[oa]s?|list[oa]s?|terminad[oa]s?|finished)\b/giu;
/** A line that sums up the whole document: "Summary: …", "Resumen: …", "Progreso general: …". */
const DOCUMENT_SUMMARY =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:summary|resumen|progress|progreso|avance|overall(?: progress)?|total(?:es)?|progreso general|avance general)(?:\*\*|__)?\s*:/iu;
const READY_CLAIM =
  /\bready for (?:launch|release|production|go-?live|deploy\w*|rollout)\b|\blist[oa] para (?:entrega|producci[oó]n|lanzamiento|salir|desplegar|el despliegue|go-?live)\b|\bgo-?live approved\b/iu;

/** Counts and overall states a section states about the document, in its heading, fields and prose. */
function collectClaims(
  s: Section,
  titleSection: Section | undefined,
  claims: CountClaim[],
  overall: OverallState[],
  options: ModelOptions,
  documentWide: boolean,
): void {
  const block = s.block;
  if (!block) return;
  const group = documentWide || s.kind !== 'normal' ? undefined : s.heading?.text;
  if (s.heading && s.kind === 'normal') countsIn(s.heading.source, s.heading.range.start.line, group, claims, true);
  const fieldLines = new Set<number>();
  const overallLines = new Set(block.fields.filter((f) => isOverallStateKey(f.key)).map((f) => f.range.start.line));
  // Fields of nested list entries belong to those entries (deliverables), not to the document.
  const nested = new Set(block.entries.filter((e) => e.depth > 0).map((e) => e.line));
  for (const field of block.fields) {
    if (nested.has(field.range.start.line)) continue;
    // A Total field is read here; other fields' lines are read as prose below ("Progress: 3 of 5 done").
    if (isTotalKey(field.key)) fieldLines.add(field.range.start.line);
    if (isOverallStateKey(field.key) && (s.kind !== 'normal' || s === titleSection)) {
      const choice = choiceOptions(field.value);
      const ticked = choice?.find((o) => o.ticked)?.label;
      const text = ticked ?? field.value;
      const state = /^no[- ]?go\b/i.test(text.trim())
        ? 'blocked'
        : /^go\b/i.test(text.trim())
          ? 'done'
          : READY_CLAIM.test(text)
            ? 'done'
            : parseState(text, options.stateWords);
      if (!choice || ticked !== undefined) overall.push({ text: field.value, state, range: field.valueRange });
    }
    if (isTotalKey(field.key) && s.kind !== 'summary') {
      const blockers = /cr[ií]tic|critical|block|bloque|obligator|mandatory/iu.test(field.key);
      const match = /\d{1,4}/.exec(field.value);
      if (match) {
        const at = field.valueRange.start.character + match.index;
        claims.push({
          value: Number(match[0]),
          counts: blockers ? 'blockers' : 'items',
          group: undefined,
          range: range(field.valueRange.start.line, at, field.valueRange.start.line, at + match[0].length),
        });
      }
      doneCountsIn(field.value, field.valueRange.start.line, field.valueRange.start.character, group, claims);
    } else if (s.kind === 'summary' && isTotalKey(field.key)) {
      doneCountsIn(field.value, field.valueRange.start.line, field.valueRange.start.character, group, claims);
    }
  }
  if (s.kind === 'summary') return;
  for (const prose of block.prose) {
    if (fieldLines.has(prose.line)) continue;
    // "Resumen: 1 de 4 ítems completados" under the last section speaks of the whole document, not of that section.
    const about = DOCUMENT_SUMMARY.test(prose.text) ? undefined : group;
    countsIn(prose.text, prose.line, about, claims, false);
    doneCountsIn(prose.text, prose.line, 0, about, claims);
    if (
      s.kind !== 'normal' &&
      !overallLines.has(prose.line) &&
      READY_CLAIM.test(prose.text) &&
      !/\bnot\b|\bno\b/i.test(prose.text.slice(0, READY_CLAIM.exec(prose.text)?.index ?? 0))
    ) {
      overall.push({
        text: prose.text.replace(/\*\*/g, '').trim(),
        state: 'done',
        range: range(prose.line, 0, prose.line, prose.text.length),
      });
    }
  }
}

function countsIn(text: string, line: number, group: string | undefined, claims: CountClaim[], heading: boolean): void {
  if (!/\d/.test(text)) return;
  for (const match of text.matchAll(COUNT)) {
    // "1 of 3 tasks complete" is read whole by doneCountsIn.
    if (/(?:\/|\bof|\bde)\s*$/i.test(text.slice(0, match.index))) continue;
    const blockers = match[2] !== undefined;
    if (!blockers && match[3] === undefined) continue;
    // A count in a heading is the heading's own ("Critical (3 items)"); in prose it must not be a list number ("1. ...").
    if (!heading && /\d[.)]\s*$/.test(text.slice(0, match.index + (match[1]?.length ?? 0) + 1))) continue;
    const at = match.index;
    claims.push({
      value: Number(match[1]),
      counts: blockers ? 'blockers' : 'items',
      group,
      range: range(line, at, line, at + (match[1]?.length ?? 0)),
    });
  }
}

function doneCountsIn(
  text: string,
  line: number,
  offset: number,
  group: string | undefined,
  claims: CountClaim[],
): void {
  if (!/\d/.test(text)) return;
  // "2 of 4 items done" is read whole: its "4 items done" is the total, not a second count of done.
  const fractions: { readonly start: number; readonly end: number }[] = [];
  for (const match of text.matchAll(FRACTION_COUNT)) {
    fractions.push({ start: match.index, end: match.index + match[0].length });
    const done = match[1] ?? '';
    const total = match[2] ?? '';
    const at = offset + match.index;
    const totalAt = at + match[0].indexOf(total, done.length);
    claims.push({ value: Number(done), counts: 'done', group, range: range(line, at, line, at + done.length) });
    claims.push({
      value: Number(total),
      counts: 'items',
      group,
      range: range(line, totalAt, line, totalAt + total.length),
    });
  }
  for (const match of text.matchAll(DONE_COUNT)) {
    if (fractions.some((f) => match.index >= f.start && match.index < f.end)) continue;
    const at = offset + match.index;
    claims.push({
      value: Number(match[1]),
      counts: 'done',
      group,
      range: range(line, at, line, at + (match[1]?.length ?? 0)),
    });
  }
}

const NEAR_MISS = /^\s*(?:\*\*|__)\s*(?:\d{1,3}[.)]|(?:item|ítem|entregable|deliverable)\s+\d{1,3})\s*\S/iu;

/** Paragraph lines written like items ("**1) Certificados** — ...") that the model does not read as ones. */
function nearMissesIn(block: PlacedBlock): { line: number; text: string }[] {
  return block.prose
    .filter((p) => NEAR_MISS.test(p.text))
    .map((p) => ({ line: p.line, text: p.text.trim().slice(0, 80) }));
}

function addToSummary(summary: SummaryDraft | undefined, s: Section, options: ModelOptions): SummaryDraft {
  const block = s.block as PlacedBlock;
  const heading = s.heading as HeadingFact;
  // The summary is the first summary section that lists something ("RESUMEN DE ENTREGABLES", not "RESUMEN EJECUTIVO").
  const topSummary = s.parent?.kind !== 'summary';
  const draft =
    summary && (summary.groups.length > 0 || !topSummary)
      ? summary
      : { title: heading.text, range: heading.range, groups: [], total: summary?.total };
  const entries: SummaryDraft['groups'][number]['entries'] = [];
  const labels = new Map(block.entries.map((e) => [e.line, cleanLabel(e.label)]));
  const parents = new Map(block.entries.map((e) => [e.line, e.parentLine]));
  for (const box of block.checkboxes) {
    if (box.inFence) continue;
    const parent = parents.get(box.range.start.line);
    entries.push({
      label: box.label,
      checked: box.checked,
      range: box.range,
      boxRange: box.boxRange,
      kind: 'box',
      section: parent === undefined ? undefined : labels.get(parent),
    });
  }
  for (const table of block.tables) {
    const keys = table.header.map((c) => c.text);
    const stateColumn = keys.findIndex((k) => isStateKey(k) || isCheckboxColumn(k));
    if (stateColumn === -1 || table.fieldTable) continue;
    const nameColumn = Math.max(
      0,
      keys.findIndex((_, i) => i !== stateColumn),
    );
    for (const row of table.rows) {
      const cell = row.cells[stateColumn];
      const label = (row.cells[nameColumn]?.text ?? '').replace(/\*\*/g, '').trim();
      if (!cell || label === '') continue;
      const state = parseState(cell.text, options.stateWords);
      entries.push({
        label,
        checked: state === 'done' || isTicked(cell.text),
        range: row.range,
        boxRange: cell.range,
        kind: 'row',
        section: undefined,
      });
    }
  }
  const total = block.fields.find((f) => isTotalKey(f.key));
  if (total) draft.total = countIn(total);
  if (entries.length > 0 || !topSummary) {
    draft.groups.push({
      title: heading.text,
      range: heading.range,
      stated: topSummary ? undefined : statedCount(heading),
      entries: entries.sort((a, b) => a.range.start.line - b.range.start.line),
    });
  }
  return draft;
}

function shiftField(f: Field, lines: number): Field {
  return { ...f, range: shiftRange(f.range, lines), valueRange: shiftRange(f.valueRange, lines) };
}

function shiftBox(c: CheckboxFact, lines: number): Checkbox {
  return { ...c, range: shiftRange(c.range, lines), boxRange: shiftRange(c.boxRange, lines) };
}

function shiftTable(t: TableFact, lines: number): TableFact {
  const cell = (c: CellFact): CellFact =>
    c.blankRange
      ? { text: c.text, range: shiftRange(c.range, lines), blankRange: shiftRange(c.blankRange, lines) }
      : { text: c.text, range: shiftRange(c.range, lines) };
  return {
    range: shiftRange(t.range, lines),
    header: t.header.map(cell),
    rows: t.rows.map((r) => ({ range: shiftRange(r.range, lines), cells: r.cells.map(cell) })),
    fieldTable: t.fieldTable,
  };
}

const STATED_COUNT = /\((\d+)\s+(?:items?|entregables?|ítems?|deliverables?|tareas?|tasks?)\)/i;

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
  return {
    value: Number(match[0]),
    range: range(line, character + match.index, line, character + match.index + match[0].length),
  };
}

/** The last matching of summary lines to items, by the lines' labels and the items' ids and titles. */
let lastMatch: {
  readonly key: readonly string[];
  readonly matched: readonly Pick<SummaryEntry, 'itemId' | 'nameMatches'>[];
} = {
  key: [],
  matched: [],
};

function finishSummary(draft: SummaryDraft, items: readonly ItemDraft[]): Summary {
  const names = items.map((item) => ({ id: item.id ?? '', title: item.title }));
  const lines = draft.groups.flatMap((g) => g.entries);
  // Matching reads only the labels and the names: after an edit elsewhere, the last matching holds.
  const key = [String(lines.length), ...lines.map((e) => e.label), ...names.flatMap((n) => [n.id, n.title])];
  const same = key.length === lastMatch.key.length && key.every((k, i) => k === lastMatch.key[i]);
  const entries = same ? lines.map((entry, i) => ({ ...entry, ...lastMatch.matched[i] })) : matchSummary(lines, names);
  if (!same) lastMatch = { key, matched: entries.map(({ itemId, nameMatches }) => ({ itemId, nameMatches })) };
  let next = 0;
  const groups = draft.groups.map((g) => {
    const own = entries.slice(next, next + g.entries.length);
    next += g.entries.length;
    return { ...g, entries: own };
  });
  return { title: draft.title, range: draft.range, groups, total: draft.total };
}

/** When the summary has a group of blockers, its lines say which items are blockers. */
function summaryBlockers(summary: Summary | undefined, items: readonly Item[]): Set<string> | undefined {
  if (!summary) return undefined;
  const ids = new Set<string>();
  let listed = false;
  for (const group of summary.groups) {
    for (const entry of group.entries) {
      const title = entry.section ?? group.title;
      if (!isBlockerHeading(title) || title === summary.title) continue;
      listed = true;
      if (entry.itemId !== undefined) ids.add(entry.itemId);
    }
  }
  return listed && ids.size > 0 && items.some((i) => ids.has(i.id)) ? ids : undefined;
}

/** How CommonMark compares reference labels: case-folded, inner whitespace collapsed. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The item finished from a draft, or the very item finished before from the same parts: after an edit the
 * drafts of unchanged blocks hold the same objects (placed blocks are kept while unchanged), and their items
 * (and whatever the analysis keyed on them) stay the same objects too. Keyed by the draft's heading range.
 */
const finishedCache = new WeakMap<Range, { readonly key: readonly unknown[]; readonly item: Item }>();

/** The dates a deadline is read against: the document's creation date, else today for its year. */
interface DateReference {
  readonly created: string | undefined;
  readonly today: string | undefined;
}

function reusedItem(
  draft: ItemDraft,
  dates: DateReference,
  shortTitle: string | undefined,
  defined: ReadonlySet<string>,
  definedKey: string,
  options: ModelOptions,
  language: DocumentLanguage,
): Item {
  const key = [
    draft.id,
    draft.title,
    draft.kind,
    draft.group,
    draft.blocker,
    draft.startLine,
    draft.endLine,
    draft.ownState,
    draft.markState,
    dates.created,
    dates.today,
    shortTitle,
    definedKey,
    optionsKey(options),
    language,
    draft.fields.length,
    draft.checkboxes.length,
    draft.fences.length,
    draft.placeholders.length,
    draft.references.length,
    draft.checks.length,
    draft.stateChoiceBoxes?.length,
    ...draft.fields,
    ...draft.checkboxes,
    ...draft.fences,
    ...draft.placeholders,
    ...draft.references,
    ...draft.checks,
    ...(draft.stateChoiceBoxes ?? []),
  ];
  const cached = finishedCache.get(draft.headingRange);
  if (cached && cached.key.length === key.length && cached.key.every((k, i) => k === key[i])) return cached.item;
  const item = finishItem(draft, dates, shortTitle, defined, options, language);
  finishedCache.set(draft.headingRange, { key, item });
  return item;
}

/** An item with the other blocker flag (a summary's blocker group decides), made once per item. */
const otherBlockers = new WeakMap<Item, Item>();

function otherBlocker(item: Item): Item {
  let other = otherBlockers.get(item);
  if (!other) otherBlockers.set(item, (other = { ...item, blocker: !item.blocker }));
  return other;
}

/** The blanks of a row of a heading item's check table, made once per row while the block is unchanged. */
const rowBlanksCache = new WeakMap<object, { readonly key: string; readonly blanks: readonly Placeholder[] }>();

function headingRowBlanks(
  table: TableFact,
  row: TableFact['rows'][number],
  columns: Columns,
  options: ModelOptions,
): readonly Placeholder[] {
  const key = optionsKey(options);
  const cached = rowBlanksCache.get(row);
  if (cached?.key === key && columnsCache.get(table) === columns) return cached.blanks;
  const blanks = rowBlanks(table, row.cells, columns, rowState(row.cells, columns, options));
  rowBlanksCache.set(row, { key, blanks });
  return blanks;
}

function finishItem(
  draft: ItemDraft,
  dates: DateReference,
  shortTitle: string | undefined,
  defined: ReadonlySet<string>,
  options: ModelOptions,
  language: DocumentLanguage,
): Item {
  const stateField = draft.fields.find((f) => isStateKey(f.key));
  const deadlineField = draft.fields.find((f) => isDeadlineKey(f.key));
  const { state, choice } = itemState(draft, stateField, options);
  // The boxes of a task or of a status choice (`[x] Complete | [ ] At Risk`) are marks, not blanks.
  const marks = [...draft.checkboxes.map((c) => c.boxRange), ...(choice ?? []).map((o) => o.range)];
  const placeholders = usedPlaceholders(draft.placeholders, defined, marks, language);
  // A status choice written as boxes under an empty field, none ticked, is one blank: its fix picks an option.
  if (draft.stateChoiceBoxes && stateField && choice && !choice.some((o) => o.ticked)) {
    placeholders.push({
      text: '',
      range: stateField.range,
      inFence: false,
      label: stateField.key,
      kind: 'choice',
      purpose: 'value',
      options: choice.map((o) => o.label).filter((l) => l !== ''),
      shape: 'choice-boxes',
      optional: false,
    });
    placeholders.sort(byStart);
  }
  return {
    id: draft.id ?? '',
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
    due: deadlineField ? resolveDeadline(deadlineField.value, dates, language) : undefined,
    state,
    stateField,
    checkboxes: draft.checkboxes,
    fences: draft.fences,
    placeholders,
    references: draft.references,
    kind: draft.kind,
    // An entry's own check follows the state its fields give it ("1. **Backups** / - Status: Done").
    checks:
      stateField && (draft.kind === 'task' || draft.kind === 'step')
        ? draft.checks.map((c) => (c.range.start.line === draft.startLine && c.state !== state ? { ...c, state } : c))
        : draft.checks,
    stateChoice: choice,
  };
}

/**
 * The blanks an item or the document keeps: not a `[label]` with a `[label]: url` definition anywhere in
 * the document (a link), nor inside a box (`[x]`); an empty state gets its options in the document's language.
 */
function usedPlaceholders(
  placeholders: readonly Placeholder[],
  defined: ReadonlySet<string>,
  marks: readonly Range[],
  language: DocumentLanguage,
): Placeholder[] {
  return placeholders
    .filter((p) => !(defined.has(normaliseLabel(p.text)) && !p.inFence) && !marks.some((m) => within(p.range, m)))
    .map((p) =>
      p.kind === 'choice' && p.options.length === 0 ? { ...p, options: DEFAULT_STATE_OPTIONS[language] } : p,
    );
}

function within(inner: Range, outer: Range): boolean {
  const line = inner.start.line;
  return (
    line === outer.start.line &&
    line === outer.end.line &&
    inner.start.character >= outer.start.character &&
    inner.end.character <= outer.end.character
  );
}

function itemState(
  draft: ItemDraft,
  stateField: Field | undefined,
  options: ModelOptions,
): { state: ItemState; choice: StateChoice[] | undefined } {
  if (draft.stateChoiceBoxes) {
    return {
      state: draft.ownState ?? 'unknown',
      choice: draft.stateChoiceBoxes.map((b) => ({ label: b.label, ticked: b.checked, range: b.range })),
    };
  }
  if (stateField && draft.kind !== 'row') {
    const options_ = choiceOptions(stateField.value);
    if (options_) {
      const ticked = options_.find((o) => o.ticked);
      const { line, character } = stateField.valueRange.start;
      const choice = options_.map((o) => ({
        label: o.label,
        ticked: o.ticked,
        range: range(line, character + o.start, line, character + o.end),
      }));
      return { state: ticked ? parseState(ticked.label, options.stateWords) : 'unknown', choice };
    }
    if (stateField.value.trim() !== '')
      return { state: parseState(stateField.value, options.stateWords), choice: undefined };
  }
  if (draft.ownState !== undefined) return { state: draft.ownState, choice: undefined };
  const applicable = draft.checks.filter((c) => c.state !== 'not-applicable');
  if (applicable.length === 0)
    return { state: draft.checks.length > 0 ? 'not-applicable' : (draft.markState ?? 'unknown'), choice: undefined };
  const done = applicable.filter((c) => c.state === 'done').length;
  return { state: done === applicable.length ? 'done' : done > 0 ? 'in-progress' : 'pending', choice: undefined };
}

/**
 * An entry with a title and fields of its own ("Deploy — Owner: Ana — Due: 12-01") is a deliverable;
 * one that is nothing but fields ("Product owner: ____ Date: ____", a role to sign) is a check like its siblings.
 */
function titledFields(entry: ListEntryFact): boolean {
  const first = entry.fields[0];
  return first !== undefined && entry.label.replace(/^[\s*_]+/, '').indexOf(first.key) > 0;
}

/** A plain bullet that names its work and then its owner or state: "- **Backups** — **Owner:** Ana — **Status:** Done". */
function ownsWork(entry: ListEntryFact): boolean {
  return titledFields(entry) && entry.fields.some((f) => isOwnerKey(f.key) || isStateKey(f.key));
}
