// The verdict the server decided, in words: the view's message and the status bar's text.
import { combineVerdicts, type CombinedVerdict, type Progress, type Verdict } from '../../../../server/src/protocol';
import type { SidebarFilters, Translate } from './nodes';

export function verdictText(verdict: CombinedVerdict, t: Translate): string {
  switch (verdict.kind) {
    case 'no-blockers':
      return t('No blocker items found');
    case 'no-go':
      return t('NO-GO: {0} of {1} blockers pending', verdict.pending, verdict.total);
    case 'go':
      return t('GO: all blockers done');
  }
}

/** The view message: the verdict, then the filters in force, so a filtered tree is never mistaken for the whole. */
export function viewMessage(verdict: CombinedVerdict, filters: SidebarFilters, t: Translate): string {
  const parts = [verdictText(verdict, t)];
  if (filters.blockersOnly) parts.push(t('showing blockers only'));
  if (filters.owner !== undefined) parts.push(t('owner: {0}', filters.owner));
  return parts.join(' · ');
}

/**
 * "Blockers 2/6": done of total, as the groups count; "Items 2/5" when the checklist marks no
 * blocker (`declared` false), as then every item gates the release.
 */
export function blockerCount(progress: Progress, t: Translate, declared = true): string {
  return declared
    ? t('Blockers {0}/{1}', progress.blockers.done, progress.blockers.total)
    : t('Items {0}/{1}', progress.items.done, progress.items.total);
}

/** The server's verdicts of the checklists shown, combined, with their words: one checklist's own summary, else the sum. */
export function wordedVerdict(verdicts: readonly Verdict[], t: Translate): CombinedVerdict & { readonly text: string } {
  const combined = combineVerdicts(verdicts);
  const only = verdicts.length === 1 ? verdicts[0] : undefined;
  return { ...combined, text: only ? only.summary : verdictText(combined, t) };
}
