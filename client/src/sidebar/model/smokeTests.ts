// The smoke-test rows: under an item with curl smoke tests, one row per test with the last result
// the server keeps for it ("✅ PASSED 32 ms", "❌ FAILED HTTP 500", "not run yet") that goes to its
// command, and the lines the item's tooltip lists them with.
import type { ChecklistSmokeTest, LastSmokeResultView, SmokeOutcome } from '../../../../server/src/protocol';
import { escapeMarkdown, shorten } from './markdownText';
import type { NodeIcon, SidebarNode, Translate } from './nodes';

/** How many smoke tests an item's tooltip lists before "and N more". */
const LISTED = 8;

const NOT_RUN_YET_ICON: NodeIcon = { id: 'beaker' };
/** Evidence the server flags, on a test not run in this session: stale or edited (a warning), pasted by hand (unverified). */
const FLAGGED_EVIDENCE_ICONS: Partial<Record<NonNullable<ChecklistSmokeTest['evidence']>['state'], NodeIcon>> = {
  stale: { id: 'warning', color: 'list.warningForeground' },
  edited: { id: 'warning', color: 'list.warningForeground' },
  unverified: { id: 'question' },
};
const OUTCOME_ICONS: Record<SmokeOutcome, NodeIcon> = {
  passed: { id: 'pass', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  'not-run': { id: 'circle-slash', color: 'testing.iconSkipped' },
  cancelled: { id: 'circle-slash', color: 'testing.iconSkipped' },
};

/** "2. POST /api/greeting"; just "Smoke test 2" when the server hid its path (a secret lies in its banner or command). */
export function smokeTestLabel(test: ChecklistSmokeTest, t: Translate): string {
  return test.path === null ? t('Smoke test {0}', test.number) : `${test.number}. ${test.method} ${test.path}`;
}

/** A response time as the evidence writes it: "1.4 ms", "32 ms", "2.31 s". */
export function formatElapsed(ms: number): string {
  if (ms < 10) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function outcomeWord(outcome: SmokeOutcome, t: Translate): string {
  switch (outcome) {
    case 'passed':
      return t('✅ PASSED');
    case 'failed':
      return t('❌ FAILED');
    case 'not-run':
      return t('not run');
    case 'cancelled':
      return t('cancelled');
  }
}

/** The last result in one line: the verdict with the time when it passed, with the reason otherwise. */
export function smokeResultText(last: LastSmokeResultView | undefined, t: Translate): string {
  if (!last) return t('not run yet');
  const reason = shorten(last.reason, 80);
  if (last.outcome === 'passed')
    return last.elapsedMs === undefined
      ? outcomeWord('passed', t)
      : `${outcomeWord('passed', t)} ${formatElapsed(last.elapsedMs)}`;
  if (reason === '') return outcomeWord(last.outcome, t);
  return last.outcome === 'failed'
    ? `${outcomeWord('failed', t)} ${reason}`
    : `${outcomeWord(last.outcome, t)}: ${reason}`;
}

export function smokeTestNode(
  test: ChecklistSmokeTest,
  id: string,
  uri: string,
  smokeRun: SidebarNode['smokeRun'],
  t: Translate,
): SidebarNode {
  return {
    id,
    kind: 'smokeTest',
    uri,
    label: smokeTestLabel(test, t),
    description: withEvidenceMark(test, t),
    tooltip: smokeTestTooltip(test, t),
    icon: test.last
      ? OUTCOME_ICONS[test.last.outcome]
      : ((test.evidence && FLAGGED_EVIDENCE_ICONS[test.evidence.state]) ?? NOT_RUN_YET_ICON),
    state: undefined,
    itemId: test.itemId,
    reveal: test.commandRange,
    span: test.range,
    contextValue: 'readiness.smokeTest',
    smokeRun,
    expanded: false,
    children: [],
  };
}

/** The last result, and the server's mark on the pasted evidence ("stale evidence") when it has one. */
function withEvidenceMark(test: ChecklistSmokeTest, t: Translate): string {
  const { last } = test;
  const mark = test.evidence?.mark ?? '';
  // Pasted evidence the server vouches for says more than "not run yet".
  if (!last && test.evidence && test.evidence.state !== 'none') return mark === '' ? t('evidence verified') : mark;
  return mark === '' ? smokeResultText(last, t) : `${smokeResultText(last, t)} · ${mark}`;
}

function smokeTestTooltip(test: ChecklistSmokeTest, t: Translate): string {
  const { last } = test;
  const lines = [`**${escapeMarkdown(smokeTestLabel(test, t))}**`, ''];
  if (!last) {
    lines.push(t('not run yet'));
  } else {
    const facts = [
      outcomeWord(last.outcome, t),
      last.status === undefined ? undefined : `HTTP ${last.status}`,
      last.elapsedMs === undefined ? undefined : formatElapsed(last.elapsedMs),
      t('ran at {0}', last.ranAt),
    ];
    lines.push(facts.filter((fact): fact is string => fact !== undefined).join(' · '));
    if (last.reason !== '') lines.push('', escapeMarkdown(last.reason));
  }
  if (test.evidence && test.evidence.state !== 'none')
    lines.push('', `${t('Evidence')}: ${escapeMarkdown(test.evidence.description)}`);
  lines.push('', `${t('Item {0}', test.itemId)} · ${t('line {0}', test.commandRange.start.line + 1)}`);
  return lines.join('\n');
}

/** The item tooltip's section: each smoke test with its last result. */
export function smokeTooltipSection(tests: readonly ChecklistSmokeTest[], t: Translate): string[] {
  if (tests.length === 0) return [];
  const lines = ['', `**${t('Smoke tests ({0})', tests.length)}**`];
  for (const test of tests.slice(0, LISTED))
    lines.push(`- ${escapeMarkdown(smokeTestLabel(test, t))}: ${escapeMarkdown(smokeResultText(test.last, t))}`);
  if (tests.length > LISTED) lines.push(`- ${t('and {0} more', tests.length - LISTED)}`);
  return lines;
}
