// The server's view models → the sidebar's rows: one root per checklist when there are several,
// then groups, items and the item's secret findings, smoke tests and open fields. Everything shown
// was decided on the server (display states, masked texts, owners, verdicts, last results); this
// module picks icons, words the rows with the client's translations and applies the user's filters
// (hiding items, and groups left empty). The badge always counts every blocker of every checklist,
// since the release question does not change with what the user chose to look at.
import {
  type ChecklistResult,
  type CombinedVerdict,
  type ChecklistSmokeTest,
  type GroupView,
  type ItemDisplayState,
  type ItemView,
  type PlaceholderView,
  type RunSmokeTestsArguments,
  type SecretMarkView,
} from '../../../../server/src/protocol';
import { escapeMarkdown } from './markdownText';
import type { NodeIcon, SidebarFilters, SidebarNode, Translate } from './nodes';
import { smokeTestNode, smokeTooltipSection } from './smokeTests';
import { itemTooltip, placeholderTooltip } from './tooltips';
import { wordedVerdict } from './verdict';

export interface ChecklistEntry {
  readonly result: ChecklistResult;
  /** The path shown next to the checklist's title when there are several. */
  readonly relativePath: string | undefined;
}

export interface SidebarInput {
  readonly entries: readonly ChecklistEntry[];
  readonly filters: SidebarFilters;
  readonly t: Translate;
}

export interface SidebarTree {
  readonly roots: readonly SidebarNode[];
  /** The server's verdicts of the checklists shown, combined, with their words. */
  readonly verdict: CombinedVerdict & { readonly text: string };
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

const PLACEHOLDER_ICONS: Record<PlaceholderView['kind'], string> = {
  text: 'edit',
  number: 'symbol-number',
  date: 'calendar',
  choice: 'list-selection',
  slot: 'symbol-variable',
};

export function buildTree(input: SidebarInput): SidebarTree {
  const checklists = input.entries.filter((entry) => entry.result.isChecklist && entry.result.checklist !== undefined);
  const ids = new UniqueIds();
  const perChecklist = checklists.map((entry) => checklistChildren(entry, input, ids));
  const roots =
    checklists.length === 1
      ? (perChecklist[0] ?? [])
      : checklists.map((entry, i) => checklistNode(entry, perChecklist[i] ?? [], input.t, ids));
  return {
    roots,
    verdict: wordedVerdict(
      checklists.flatMap((entry) => (entry.result.verdict ? [entry.result.verdict] : [])),
      input.t,
    ),
    owners: mergeOwners(checklists.map((entry) => entry.result.checklist?.owners ?? [])),
    checklistCount: checklists.length,
  };
}

/** The owner lists of several checklists as one, each name once (the first spelling), sorted as the server sorts them. */
function mergeOwners(lists: readonly (readonly string[])[]): string[] {
  const byKey = new Map<string, string>();
  for (const name of lists.flat()) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

function visible(item: ItemView, filters: SidebarFilters): boolean {
  const owner = filters.owner?.toLowerCase();
  return (
    (!filters.blockersOnly || item.blocker) &&
    (owner === undefined || item.owners.some((name) => name.toLowerCase() === owner))
  );
}

function checklistChildren(entry: ChecklistEntry, input: SidebarInput, ids: UniqueIds): SidebarNode[] {
  const { uri, checklist } = entry.result;
  if (!checklist) return [];
  const byId = new Map(checklist.items.map((item) => [item.id, item]));
  const tests = new Map(entry.result.smokeTests.map((test) => [test.key, test]));
  // A secret outside every item (in the header, say) goes first at the top: it is the most urgent thing to see.
  const nodes: SidebarNode[] = checklist.looseSecrets.map((secret, i) =>
    secretNode(secret, `${uri}#secret:${i}`, uri, undefined, input.t, ids),
  );
  for (const group of checklist.groups) {
    const items = group.itemIds
      .map((id) => byId.get(id))
      .filter((item): item is ItemView => item !== undefined && visible(item, input.filters));
    if (items.length === 0) continue;
    const groupId = ids.take(`${uri}#group:${group.title ?? ''}`);
    const children = items.map((item) => itemNode(item, entry, tests, input.t, ids));
    nodes.push(groupNode(group, groupId, uri, children, items, input.t));
  }
  return nodes;
}

function checklistNode(entry: ChecklistEntry, children: SidebarNode[], t: Translate, ids: UniqueIds): SidebarNode {
  const { uri, checklist, progress, verdict } = entry.result;
  const name = entry.relativePath ?? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return {
    id: ids.take(uri),
    kind: 'checklist',
    uri,
    label: checklist?.title ?? name,
    description: progress ? `${name} · ${progress.blockers.done}/${progress.blockers.total}` : name,
    tooltip: `${verdict ? `${verdict.summary}\n\n` : ''}${progress?.checks ? `${t('Checks {0}/{1}', progress.checks.done, progress.checks.total)}\n\n` : ''}${escapeMarkdown(name)}`,
    icon: { id: 'checklist', ...(verdict?.decision === 'go' ? { color: 'charts.green' } : {}) },
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

function groupNode(
  group: GroupView,
  id: string,
  uri: string,
  children: SidebarNode[],
  items: readonly ItemView[],
  t: Translate,
): SidebarNode {
  const done = items.filter((item) => item.state === 'done').length;
  const hidden = t('hidden: possible secret');
  const checks = checksOf(items);
  return {
    id,
    kind: 'group',
    uri,
    label: group.shortTitle ?? hidden,
    description: `${done}/${items.length}`,
    tooltip: `**${group.title === null ? `*${hidden}*` : escapeMarkdown(group.title)}**\n\n${t('{0} of {1} items done', done, items.length)}${checks.total > 0 ? ` · ${t('{0} of {1} checks done', checks.done, checks.total)}` : ''}${group.blocker ? ` · ${t('blockers')}` : ''}`,
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

function itemNode(
  item: ItemView,
  entry: ChecklistEntry,
  tests: ReadonlyMap<string, ChecklistSmokeTest>,
  t: Translate,
  ids: UniqueIds,
): SidebarNode {
  const { uri } = entry.result;
  const id = ids.take(`${uri}#item:${item.id}`);
  const smokeTests = item.smokeTestKeys
    .map((key) => tests.get(key))
    .filter((test): test is ChecklistSmokeTest => test !== undefined);
  const children = [
    ...item.secrets.map((secret, i) => secretNode(secret, `${id}/secret:${i}`, uri, item.id, t, ids)),
    // By number, not key: a row keeps its place (and selection) when its command is edited.
    ...smokeTests.map((test) =>
      smokeTestNode(test, ids.take(`${id}/smokeTest:${test.number}`), uri, smokeRun(entry, [test]), t),
    ),
    ...item.placeholders.map((p, i) => placeholderNode(p, item, `${id}/placeholder:${i}`, uri, t, ids)),
  ];
  const open = item.placeholders.length;
  const secrets = item.secrets.length;
  const description = [
    item.owner,
    item.deadline,
    open > 0 ? t('{0} open', open) : undefined,
    item.checks.total > 0 ? t('{0}/{1} checks', item.checks.done, item.checks.total) : undefined,
    secrets === 1 ? t('1 possible secret') : secrets > 1 ? t('{0} possible secrets', secrets) : undefined,
  ].filter((part): part is string => part !== undefined && part.length > 0);
  return {
    id,
    kind: 'item',
    uri,
    label: item.title === null ? t('Item {0}', item.id) : `${item.id}. ${item.title}`,
    description: description.join(' · '),
    tooltip: itemTooltip(item, t, smokeTooltipSection(smokeTests, t)),
    icon: STATE_ICONS[item.displayState],
    state: item.displayState,
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

function placeholderNode(
  p: PlaceholderView,
  item: ItemView,
  id: string,
  uri: string,
  t: Translate,
  ids: UniqueIds,
): SidebarNode {
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
function secretNode(
  secret: SecretMarkView,
  id: string,
  uri: string,
  itemId: string | undefined,
  t: Translate,
  ids: UniqueIds,
): SidebarNode {
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
  return {
    uri,
    testKeys: tests.map((test) => test.key),
    ...(smokeStagingHost === undefined ? {} : { stagingHost: smokeStagingHost }),
  };
}

/** The server's check counts of these items, added up for their group's row. */
function checksOf(items: readonly ItemView[]): { done: number; total: number } {
  return {
    done: items.reduce((n, item) => n + item.checks.done, 0),
    total: items.reduce((n, item) => n + item.checks.total, 0),
  };
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
