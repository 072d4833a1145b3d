// Go / no-go: a release may go to canary only when every blocker item is done. The server
// decides the verdict; the sidebar, the status bar and the report only word it.
import type { Progress } from './model/checklist';

export type VerdictKind = 'go' | 'no-go' | 'no-blockers';

export interface Verdict {
  readonly kind: VerdictKind;
  /** Blocker items not done (pending, in progress, blocked or unknown): the view's badge. */
  readonly pending: number;
  readonly total: number;
}

/** The verdict over one checklist or, summed, over several. */
export function verdictOf(progress: readonly Progress[]): Verdict {
  const total = progress.reduce((sum, p) => sum + p.blockers.total, 0);
  const pending = total - progress.reduce((sum, p) => sum + p.blockers.done, 0);
  if (total === 0) return { kind: 'no-blockers', pending, total };
  if (pending > 0) return { kind: 'no-go', pending, total };
  return { kind: 'go', pending, total };
}
