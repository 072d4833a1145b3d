// Go / no-go: a release may go to canary only when every blocker item is done.
import type { Progress } from '../../../../server/src/lsp/protocol';
import type { SidebarFilters, Translate } from './nodes';

export interface Verdict {
  readonly kind: 'go' | 'no-go' | 'no-blockers';
  /** Blocker items not done (pending, in progress, blocked or unknown): the view's badge. */
  readonly pending: number;
  readonly total: number;
  readonly text: string;
}

/** The verdict over one checklist or, summed, over several. */
export function verdictOf(progress: readonly Progress[], t: Translate): Verdict {
  const total = progress.reduce((sum, p) => sum + p.blockers.total, 0);
  const pending = total - progress.reduce((sum, p) => sum + p.blockers.done, 0);
  if (total === 0) return { kind: 'no-blockers', pending, total, text: t('No blocker items found') };
  if (pending > 0) return { kind: 'no-go', pending, total, text: t('NO-GO: {0} of {1} blockers pending', pending, total) };
  return { kind: 'go', pending, total, text: t('GO: all blockers done') };
}

/** The view message: the verdict, then the filters in force, so a filtered tree is never mistaken for the whole. */
export function viewMessage(verdict: Verdict, filters: SidebarFilters, t: Translate): string {
  const parts = [verdict.text];
  if (filters.blockersOnly) parts.push(t('showing blockers only'));
  if (filters.owner !== undefined) parts.push(t('owner: {0}', filters.owner));
  return parts.join(' · ');
}

/** "Blockers 2/6": done of total, as the groups count. */
export function blockerCount(progress: Progress, t: Translate): string {
  return t('Blockers {0}/{1}', progress.blockers.done, progress.blockers.total);
}
