// Checklist models → the sidebar's rows: one root per checklist when there are several, then
// groups, items and the item's secret findings, smoke tests and open fields. Filters hide items
// (and groups left empty); the verdict and the badge always count every blocker of every
// checklist, since the release question does not change with what the user chose to look at.
import type { ChecklistResult, ChecklistSmokeTest, Group, Item, Placeholder, Progress, RunSmokeTestsArguments } from '../../../../server/src/lsp/protocol';
import { escapeMarkdown, overlaps, touchesAny } from './markdownText';
import type { ItemDisplayState, LastSmokeResult, NodeIcon, SecretMark, SidebarFilters, SidebarNode, Translate } from './nodes';
import { isOwnedBy, ownersOf } from './owners';
import { smokeTestNode, smokeTestsIn, smokeTooltipSection } from './smokeTests';
import { itemTooltip, placeholderTooltip } from './tooltips';
import { verdictOf, type Verdict } from './verdict';

export interface ChecklistEntry {
  readonly result: ChecklistResult;
  /** The path shown next to the checklist's title when there are several. */
  readonly relativePath: string | undefined;
  /** The `secret` diagnostics of the document. */
  readonly secrets: readonly SecretMark[];
  /** The last result of each smoke test run in this session, by test key; absent: none has run. */
  readonly smokeResults?: ReadonlyMap<string, LastSmokeResult>;
}

export interface SidebarInput {
  readonly entries: readonly ChecklistEntry[];
  readonly filters: SidebarFilters;
  /** The date (`YYYY-MM-DD`) items are overdue against, the server's; undefined marks none overdue. */
  readonly today: string | undefined;
  readonly t: Translate;
}

export interface SidebarTree {
  readonly roots: readonly SidebarNode[];
  readonly verdict: Verdict;
  /** Every owner name of every checklist, for the owner filter. */
  readonly owners: readonly string[];
  readonly checklistCount: number;
}

const STATE_ICONS: Record<ItemDisplayState, NodeIcon> = {
  done: { id: 'pass-filled', color: 'charts.green' },
  'in-progress': { id: 'sync', color: 'charts.blue' },
  pending: { id: 'circle-large-outline' },
  blocked: { id: 'circle-slash', color: 'charts.red' },
  'at-risk': { id: 'alert', color: 'charts.yellow' },
  'not-applicable': { id: 'circle-slash' },
  overdue: { id: 'warning', color: 'charts.orange' },
  unknown: { id: 'question' },
};

const NONE_RUN: ReadonlyMap<string, LastSmokeResult> = new Map();

const PLACEHOLDER_ICONS: Record<Placeholder['kind'], string> = {
  text: 'edit',
  number: 'symbol-number',
  date: 'calendar',
  choice: 'list-selection',
  slot: 'symbol-variable',
};

export function buildTree(input: SidebarInput): SidebarTree {
  const checklists = input.entries.filter((entry) => entry.result.isChecklist && entry.result.checklist !== undefined);
  const progress = checklists.map((entry) => entry.result.progress).filter((p): p is Progress => p !== undefined);
  const ids = new UniqueIds();
  const perChecklist = checklists.map((entry) => checklistChildren(entry, input, ids));
  const roots =
    checklists.length === 1
      ? (perChecklist[0] ?? [])
      : checklists.map((entry, i) => checklistNode(entry, perChecklist[i] ?? [], input.t, ids));
  return {
    roots,
    verdict: verdictOf(progress, input.t),
    owners: ownersOf(checklists.flatMap((entry) => (entry.result.checklist?.items ?? []).map((item) => shownOwner(item, entry.secrets)))),
    checklistCount: checklists.length,
  };
}

export function displayState(item: Item, today: string | undefined): ItemDisplayState {
  const open = item.state !== 'done' && item.state !== 'blocked' && item.state !== 'not-applicable';
  if (open && item.due !== undefined && today !== undefined && item.due < today) return 'overdue';
  return item.state;
}

/**
 * A group heading without its trailing explanation, which the tooltip keeps:
 * "🔴 BLOQUERS - ENTREGABLES OBLIGATORIOS (PRIORIDAD ABSOLUTA)" → "🔴 BLOQUERS".
 */
export function shortGroupTitle(title: string): string {
  const cut = title.search(/\s[-–—:]\s|\s\(/);
  return cut > 0 ? title.slice(0, cut).trim() : title;
}

/** The Owner value, unless a secret finding lies in that field (someone pasted a token there): then it is not shown anywhere. */
function shownOwner(item: Item, secrets: readonly SecretMark[]): string | undefined {
  const owner = item.owner;
  if (owner === undefined || secrets.length === 0) return owner;
  return item.fields.some((field) => field.value.includes(owner) && touchesAny(field.valueRange, secrets)) ? undefined : owner;
}

function visible(item: Item, filters: SidebarFilters): boolean {
  return (!filters.blockersOnly || item.blocker) && (filters.owner === undefined || isOwnedBy(item, filters.owner));
}

function checklistChildren(entry: ChecklistEntry, input: SidebarInput, ids: UniqueIds): SidebarNode[] {
  const { uri, checklist } = entry.result;
  if (!checklist) return [];
  const byId = new Map(checklist.items.map((item) => [item.id, item]));
  const itemSecrets = (item: Item) => entry.secrets.filter((secret) => overlaps(secret.range, item.range));
  const nodes: SidebarNode[] = [];
  // A secret outside every item (in the header, say) goes first at the top: it is the most urgent thing to see.
  const loose = entry.secrets.filter((secret) => !checklist.items.some((item) => overlaps(secret.range, item.range)));
  nodes.push(...loose.map((secret, i) => secretNode(secret, `${uri}#secret:${i}`, uri, undefined, input.t, ids)));
  for (const group of checklist.groups) {
    const items = group.itemIds.map((id) => byId.get(id)).filter((item): item is Item => item !== undefined && visible(item, input.filters));
    if (items.length === 0) continue;
    const groupId = ids.take(`${uri}#group:${group.title}`);
    const children = items.map((item) => itemNode(item, entry, itemSecrets(item), input, ids));
    nodes.push(groupNode(group, groupId, uri, children, items, input.t));
  }
  return nodes;
}

function checklistNode(entry: ChecklistEntry, children: SidebarNode[], t: Translate, ids: UniqueIds): SidebarNode {
  const { uri, checklist, progress } = entry.result;
  const name = entry.relativePath ?? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const verdict = verdictOf(progress ? [progress] : [], t);
  return {
    id: ids.take(uri),
    kind: 'checklist',
    uri,
    label: checklist?.title ?? name,
    description: progress ? `${name} · ${progress.blockers.done}/${progress.blockers.total}` : name,
    tooltip: `${verdict.text}${progress?.checks ? `\n\n${t('Checks {0}/{1}', progress.checks.done, progress.checks.total)}` : ''}\n\n${escapeMarkdown(name)}`,
    icon: { id: 'checklist', ...(verdict.kind === 'go' ? { color: 'charts.green' } : {}) },
    state: undefined,
    itemId: undefined,
    reveal: undefined,
    span: undefined,
    contextValue: 'readiness.checklist',
    smokeRun: undefined,
    expanded: true,
    children,
  };
}

function groupNode(group: Group, id: string, uri: string, children: SidebarNode[], items: readonly Item[], t: Translate): SidebarNode {
  const done = items.filter((item) => item.state === 'done').length;
  const checks = checksOf(items);
  return {
    id,
    kind: 'group',
    uri,
    label: shortGroupTitle(group.title),
    description: `${done}/${items.length}`,
    tooltip: `**${escapeMarkdown(group.title)}**\n\n${t('{0} of {1} items done', done, items.length)}${checks.total > 0 ? ` · ${t('{0} of {1} checks done', checks.done, checks.total)}` : ''}${group.blocker ? ` · ${t('blockers')}` : ''}`,
    icon: undefined,
    state: undefined,
    itemId: undefined,
    reveal: undefined,
    span: undefined,
    contextValue: group.blocker ? 'readiness.group.blocker' : 'readiness.group',
    smokeRun: undefined,
    expanded: true,
    children,
  };
}

function itemNode(item: Item, entry: ChecklistEntry, secrets: readonly SecretMark[], input: SidebarInput, ids: UniqueIds): SidebarNode {
  const { t } = input;
  const { uri } = entry.result;
  const id = ids.take(`${uri}#item:${item.id}`);
  const state = displayState(item, input.today);
  const smokeTests = smokeTestsIn(entry.result.smokeTests, item.range);
  const smokeResults = entry.smokeResults ?? NONE_RUN;
  const children = [
    ...secrets.map((secret, i) => secretNode(secret, `${id}/secret:${i}`, uri, item.id, t, ids)),
    // By number, not key: a row keeps its place (and selection) when its command is edited.
    ...smokeTests.map((test) => smokeTestNode(test, smokeResults.get(test.key), ids.take(`${id}/smokeTest:${test.number}`), uri, smokeRun(entry, [test]), secrets, t)),
    ...item.placeholders.map((p, i) => placeholderNode(p, item, `${id}/placeholder:${i}`, uri, t, ids)),
  ];
  const open = item.placeholders.length;
  const checks = checksOf([item]);
  const deadlineHidden = item.deadlineField !== undefined && touchesAny(item.deadlineField.valueRange, secrets);
  const description = [
    shownOwner(item, secrets),
    deadlineHidden ? undefined : (item.due ?? item.deadline),
    open > 0 ? t('{0} open', open) : undefined,
    checks.total > 0 ? t('{0}/{1} checks', checks.done, checks.total) : undefined,
    secrets.length === 1 ? t('1 possible secret') : secrets.length > 1 ? t('{0} possible secrets', secrets.length) : undefined,
  ].filter((part): part is string => part !== undefined && part.length > 0);
  return {
    id,
    kind: 'item',
    uri,
    label: touchesAny(item.headingRange, secrets) ? t('Item {0}', item.id) : `${item.id}. ${item.title}`,
    description: description.join(' · '),
    tooltip: itemTooltip(item, state, secrets, t, smokeTooltipSection(smokeTests, smokeResults, secrets, t)),
    icon: STATE_ICONS[state],
    state,
    itemId: item.id,
    reveal: item.headingRange,
    span: item.range,
    // The state after the dot lets the "set state" menu leave out the state the item already has;
    // the suffix offers "run its smoke tests" only where there are some.
    contextValue: `readiness.item.${item.state}${smokeTests.length > 0 ? '.smokeTests' : ''}`,
    smokeRun: smokeTests.length > 0 ? smokeRun(entry, smokeTests) : undefined,
    expanded: false,
    children,
  };
}

function placeholderNode(p: Placeholder, item: Item, id: string, uri: string, t: Translate, ids: UniqueIds): SidebarNode {
  const line = t('line {0}', p.range.start.line + 1);
  return {
    id: ids.take(id),
    kind: 'placeholder',
    uri,
    label: p.label ? p.label : `[${p.text}]`,
    description: p.label ? `[${p.text}] · ${line}` : line,
    tooltip: placeholderTooltip(p, item, t),
    icon: { id: PLACEHOLDER_ICONS[p.kind], ...(item.blocker ? { color: 'list.warningForeground' } : {}) },
    state: undefined,
    itemId: item.id,
    reveal: p.range,
    span: p.range,
    contextValue: `readiness.placeholder.${p.kind}`,
    smokeRun: undefined,
    expanded: false,
    children: [],
  };
}

/** Shows the finding's message only: the text at its range is what must not be shown. */
function secretNode(secret: SecretMark, id: string, uri: string, itemId: string | undefined, t: Translate, ids: UniqueIds): SidebarNode {
  return {
    id: ids.take(id),
    kind: 'secret',
    uri,
    label: secret.message,
    description: t('line {0}', secret.range.start.line + 1),
    tooltip: `${escapeMarkdown(secret.message)}\n\n${t('The text itself is not shown here.')}`,
    icon: { id: 'key', color: 'errorForeground' },
    state: undefined,
    itemId,
    reveal: secret.range,
    span: secret.range,
    contextValue: 'readiness.secret',
    smokeRun: undefined,
    expanded: false,
    children: [],
  };
}

/** What `readiness.runSmokeTests` gets to run these tests of the entry's document. */
function smokeRun(entry: ChecklistEntry, tests: readonly ChecklistSmokeTest[]): RunSmokeTestsArguments {
  const { uri, smokeStagingHost } = entry.result;
  return { uri, testKeys: tests.map((test) => test.key), ...(smokeStagingHost === undefined ? {} : { stagingHost: smokeStagingHost }) };
}

/** Checks done over checks that apply, as progressOf counts them on the server. */
function checksOf(items: readonly Item[]): { done: number; total: number } {
  const checks = items.flatMap((item) => item.checks ?? []).filter((check) => check.state !== 'not-applicable');
  return { done: checks.filter((check) => check.state === 'done').length, total: checks.length };
}

/** TreeItem ids must be unique; a checklist may repeat an item number or a group title. */
class UniqueIds {
  private readonly seen = new Map<string, number>();
  take(id: string): string {
    const count = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, count);
    return count === 1 ? id : `${id}~${count}`;
  }
}
