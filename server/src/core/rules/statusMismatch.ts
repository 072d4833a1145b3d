// status-mismatch: what the document says about progress disagrees with itself.
// - an item marked done that still has open placeholders or open checks;
// - a summary line that disagrees with its item, matches no item, leaves an item
//   out, or files it under another item's group;
// - a count the document states (a summary group's "(4 items)", "Total: 21",
//   "6 items, 2 completed", "Total de elementos críticos: 4") that is not what it has;
// - an overall state ("Estado: Listo", "READY FOR LAUNCH") while required work is open.
import type { Checklist, Item, ItemState, SummaryEntry } from '../model/checklist';
import { namesMatch } from '../model/summary';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

export function statusMismatches(ctx: RuleContext): Finding[] {
  return [
    ...doneButOpen(ctx),
    ...summaryDisagrees(ctx),
    ...summaryCoverage(ctx),
    ...wrongCounts(ctx),
    ...statedCounts(ctx),
    ...overallStates(ctx),
  ];
}

const applicable = <T extends { readonly state: ItemState }>(units: readonly T[]): T[] =>
  units.filter((u) => u.state !== 'not-applicable');
const open = <T extends { readonly state: ItemState }>(units: readonly T[]): T[] =>
  applicable(units).filter((u) => u.state !== 'done');

function doneButOpen({ checklist, t }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    if (item.state !== 'done' || !item.stateField) continue;
    const unchecked = open(item.checks).filter((c) => c.kind !== 'row').length;
    // Optional blanks ("[OPCIONAL]", "(si aplica)") never block done.
    const blanks = item.placeholders.filter((p) => !p.optional).length;
    const parts = [
      blanks > 0 ? t('mismatch.openPlaceholders', blanks) : undefined,
      unchecked > 0 ? t('mismatch.uncheckedBoxes', unchecked) : undefined,
    ].filter((p): p is string => p !== undefined);
    if (parts.length === 0) continue;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: t('mismatch.doneButOpen', item.id, item.shortTitle, parts.join(t('mismatch.and'))),
      range: item.stateField.valueRange,
      data: { kind: 'done-but-open', item: item.id },
    });
  }
  return findings;
}

function entries(checklist: Checklist): SummaryEntry[] {
  return checklist.summary?.groups.flatMap((g) => g.entries) ?? [];
}

function summaryDisagrees({ checklist, t }: RuleContext): Finding[] {
  const byId = new Map<string, Item>(checklist.items.map((item) => [item.id, item]));
  const findings: Finding[] = [];
  for (const entry of entries(checklist)) {
    const item = entry.itemId === undefined ? undefined : byId.get(entry.itemId);
    if (!item || item.state === 'not-applicable' || entry.checked === (item.state === 'done')) continue;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: entry.checked
        ? t('mismatch.summaryChecked', entry.label, item.id, t(`state.${item.state}`))
        : t('mismatch.summaryUnchecked', entry.label, item.id),
      range: entry.boxRange,
      // A table row's state cell is not a box the sync fix can tick.
      data: {
        kind: entry.kind === 'row' ? 'summary-row' : 'summary-box',
        item: item.id,
        checked: item.state === 'done',
      },
    });
  }
  return findings;
}

/** Lines that match no item, items the summary leaves out, lines filed under another item's group. */
function summaryCoverage({ checklist, t }: RuleContext): Finding[] {
  const summary = checklist.summary;
  if (!summary) return [];
  const all = entries(checklist);
  const findings: Finding[] = [];
  for (const entry of all) {
    if (entry.itemId !== undefined) continue;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: t('mismatch.summaryExtra', entry.label),
      range: entry.range,
      data: { kind: 'summary-extra' },
    });
  }
  const listed = new Set(all.flatMap((e) => (e.itemId === undefined ? [] : [e.itemId])));
  const items = applicable(checklist.items);
  if (listed.size >= Math.max(2, items.length / 2)) {
    for (const item of items) {
      if (listed.has(item.id)) continue;
      findings.push({
        code: 'status-mismatch',
        severity: 'warning',
        message: t('mismatch.summaryDropped', item.id, item.shortTitle),
        range: summary.range,
        data: { kind: 'summary-dropped', item: item.id },
      });
    }
  }
  const byId = new Map<string, Item>(checklist.items.map((item) => [item.id, item]));
  const sections = [
    ...new Set([
      ...summary.groups.map((g) => g.title),
      ...all.flatMap((e) => (e.section === undefined ? [] : [e.section])),
    ]),
  ];
  for (const group of summary.groups) {
    for (const entry of group.entries) {
      const item = entry.itemId === undefined ? undefined : byId.get(entry.itemId);
      const filedUnder = entry.section ?? (group.title === summary.title ? undefined : group.title);
      if (!item || filedUnder === undefined || item.group === '' || namesMatch(filedUnder, item.group)) continue;
      const home = sections.find((s) => s !== filedUnder && namesMatch(s, item.group));
      if (home === undefined) continue;
      findings.push({
        code: 'status-mismatch',
        severity: 'warning',
        message: t('mismatch.summaryMisfiled', entry.label, filedUnder, item.id, home),
        range: entry.range,
        data: { kind: 'summary-misfiled', item: item.id },
      });
    }
  }
  return findings;
}

function wrongCounts({ checklist, t }: RuleContext): Finding[] {
  const summary = checklist.summary;
  if (!summary) return [];
  const findings: Finding[] = [];
  for (const group of summary.groups) {
    if (!group.stated || group.stated.value === group.entries.length) continue;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: t('mismatch.groupCount', group.stated.value, group.entries.length),
      range: group.stated.range,
      data: { kind: 'count', value: group.entries.length },
    });
  }
  const total = summary.total;
  const actual = checklist.items.length;
  const checks = checklist.items.reduce((n, item) => n + item.checks.length, 0);
  if (
    total &&
    actual > 0 &&
    total.value !== actual &&
    total.value !== applicable(checklist.items).length &&
    total.value !== checks
  ) {
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: t('mismatch.totalCount', total.value, actual),
      range: total.range,
      data: { kind: 'count', value: actual },
    });
  }
  return findings;
}

/** Counts stated in headings, fields and prose, against the items, checks or blockers they count. */
function statedCounts({ checklist, t }: RuleContext): Finding[] {
  if (checklist.items.length === 0) return [];
  const findings: Finding[] = [];
  // Per scope once: a document may state many counts.
  const scopes = new Map<
    string | undefined,
    { items: readonly Item[]; checks: readonly Item['checks'][number][]; blockers: readonly Item[] }
  >();
  const scopeOf = (group: string | undefined) => {
    let scope = scopes.get(group);
    if (!scope) {
      const items =
        group === undefined
          ? checklist.items
          : checklist.items.filter((item) => item.group === group || item.title === group);
      scope = { items, checks: items.flatMap((item) => item.checks), blockers: items.filter((item) => item.blocker) };
      scopes.set(group, scope);
    }
    return scope;
  };
  for (const claim of (checklist.claims ?? []).slice(0, 1000)) {
    const { items, checks, blockers } = scopeOf(claim.group);
    let accepted: number[];
    let actual: number;
    let message: string;
    if (claim.counts === 'done') {
      accepted = [applicable(items).length - open(items).length, applicable(checks).length - open(checks).length];
      actual = accepted[0] ?? 0;
      message = t('mismatch.statedDone', claim.value, actual);
    } else if (claim.counts === 'blockers') {
      accepted = [blockers.length, applicable(blockers).length];
      actual = accepted[0] ?? 0;
      message = t('mismatch.statedBlockers', claim.value, actual);
    } else {
      accepted = [items.length, applicable(items).length, checks.length, applicable(checks).length];
      actual = checks.length > items.length && claim.group !== undefined ? checks.length : items.length;
      message = t('mismatch.statedCount', claim.value, actual);
    }
    if (items.length === 0 || accepted.includes(claim.value)) continue;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message,
      range: claim.range,
      data: { kind: 'count', value: actual },
    });
  }
  return findings;
}

/** "Estado: Listo", "READY FOR LAUNCH": the document says it is done while required work is open. */
function overallStates({ checklist, t }: RuleContext): Finding[] {
  const claims = (checklist.overall ?? []).filter((o) => o.state === 'done');
  if (claims.length === 0 || checklist.items.length === 0) return [];
  const blockers = applicable(checklist.items.filter((item) => item.blocker));
  const required = blockers.length > 0 ? blockers : applicable(checklist.items);
  const left = open(required).length;
  if (left === 0) return [];
  const what =
    blockers.length > 0
      ? t('mismatch.openBlockers', left, required.length)
      : t('mismatch.openItems', left, required.length);
  return claims.map((claim) => ({
    code: 'status-mismatch',
    severity: 'warning',
    message: t('mismatch.overallDone', claim.text.slice(0, 60), what),
    range: claim.range,
    data: { kind: 'overall' },
  }));
}
