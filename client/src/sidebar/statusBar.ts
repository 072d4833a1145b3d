// "Blockers 2/6" in the status bar for the checklist in the active editor; a click shows the
// sidebar. Hidden while the active editor holds no checklist.
import * as vscode from 'vscode';
import { COMMANDS, type ChecklistResult } from '../../../server/src/protocol';
import type { Translate } from './model/nodes';
import { blockerCount } from './model/verdict';

export class BlockerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('readiness.blockers', vscode.StatusBarAlignment.Left, 50);
  /** The blocker count shown (checks follow it), or undefined while hidden (a StatusBarItem cannot be asked). */
  private shown: string | undefined;

  constructor(private readonly t: Translate) {
    this.item.name = t('Readiness blockers');
    this.item.command = COMMANDS.focusChecklistView;
  }

  get text(): string | undefined {
    return this.shown;
  }

  update(active: ChecklistResult | undefined): void {
    const progress = active?.progress;
    const verdict = active?.verdict;
    if (!progress || !verdict) {
      this.item.hide();
      this.shown = undefined;
      return;
    }
    // The core's verdict: GO or NO-GO first, then the blocker count and the checks.
    const summary = verdict.summary;
    this.shown = `${verdict.decision === 'go' ? 'GO' : 'NO-GO'} · ${blockerCount(progress, this.t, verdict.blockers.declared)}`;
    const checks =
      progress.checks && progress.checks.total > 0
        ? ` · ${this.t('Checks {0}/{1}', progress.checks.done, progress.checks.total)}`
        : '';
    this.item.text = `$(${verdict.decision === 'go' ? 'pass-filled' : 'error'}) ${this.shown}${checks}`;
    this.item.tooltip = `${summary}\n${this.t('Click to show the Readiness checklist view.')}`;
    this.item.accessibilityInformation = { label: `${this.shown}${checks}, ${summary}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
