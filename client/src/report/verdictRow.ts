// The server's verdict in the sidebar (no `vscode` import, unit-tested): the view message and
// badge summed over every checklist, and a verdict row per checklist that opens its report.
import {
  COMMANDS,
  type ChecklistResult,
  type CombinedVerdict,
  type Verdict as ServerVerdict,
} from '../../../server/src/protocol';
import { escapeMarkdown } from '../sidebar/model/markdownText';
import type { SidebarNode, Translate } from '../sidebar/model/nodes';
import { wordedVerdict } from '../sidebar/model/verdict';

export const OPEN_REPORT_COMMAND = COMMANDS.openReport;

/** The sidebar's verdict from the server's, one or summed over several checklists; undefined when a result has none. */
export function combinedVerdict(
  results: readonly ChecklistResult[],
  t: Translate,
): (CombinedVerdict & { readonly text: string }) | undefined {
  const verdicts = results.filter((r) => r.isChecklist).map((r) => r.verdict);
  if (verdicts.length === 0 || verdicts.some((v) => v === undefined)) return undefined;
  return wordedVerdict(
    verdicts.filter((v): v is ServerVerdict => v !== undefined),
    t,
  );
}

/** A row with a checklist's verdict: the summary, its reasons in the tooltip; a click opens the report. */
export function verdictRow(result: ChecklistResult, t: Translate): SidebarNode | undefined {
  const verdict = result.verdict;
  if (!verdict) return undefined;
  const go = verdict.decision === 'go';
  const list = (title: string, entries: ServerVerdict['reasons']) =>
    entries.length === 0
      ? []
      : [
          `**${escapeMarkdown(title)}**`,
          '',
          ...entries.slice(0, 12).map((e) => `- ${escapeMarkdown(e.message)}`),
          ...(entries.length > 12 ? [`- ${t('… and {0} more', entries.length - 12)}`] : []),
          '',
        ];
  return {
    id: `${result.uri}#verdict`,
    kind: 'verdict',
    uri: result.uri,
    label: verdict.summary,
    description: t('Open report'),
    tooltip: [
      `**${escapeMarkdown(verdict.summary)}**`,
      '',
      ...list(t('Reasons'), verdict.reasons),
      ...list(t('Conditions'), verdict.conditions),
      t('Click to open the report.'),
    ].join('\n'),
    icon: go ? { id: 'pass-filled', color: 'charts.green' } : { id: 'error', color: 'charts.red' },
    state: undefined,
    itemId: undefined,
    reveal: undefined,
    span: undefined,
    contextValue: `readiness.verdict.${verdict.decision}`,
    smokeRun: undefined,
    expanded: false,
    children: [],
  };
}

/** The tree with a verdict row first: at the top for one checklist, first in each checklist's row for several. */
export function withVerdictRows(
  roots: readonly SidebarNode[],
  results: readonly ChecklistResult[],
  t: Translate,
): SidebarNode[] {
  const checklists = results.filter((r) => r.isChecklist && r.checklist !== undefined);
  const rowOf = (uri: string) => {
    const result = checklists.find((r) => r.uri === uri);
    return result ? verdictRow(result, t) : undefined;
  };
  if (checklists.length === 1) {
    const row = rowOf(checklists[0]?.uri ?? '');
    return row ? [row, ...roots] : [...roots];
  }
  return roots.map((root) => {
    if (root.kind !== 'checklist') return root;
    const row = rowOf(root.uri);
    return row ? { ...root, children: [row, ...root.children] } : root;
  });
}
