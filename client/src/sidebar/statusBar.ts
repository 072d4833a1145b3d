// "Blockers 2/6" in the status bar for the checklist in the active editor; a click shows the
// sidebar. Hidden while the active editor holds no checklist.
import * as vscode from 'vscode';
import type { ChecklistResult } from '../../../server/src/lsp/protocol';
import type { Translate } from './model/nodes';
import { blockerCount, verdictOf } from './model/verdict';

export const FOCUS_VIEW_COMMAND = 'readiness.checklist.focus';

export class BlockerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('readiness.blockers', vscode.StatusBarAlignment.Left, 50);
  /** What is shown, or undefined while hidden (a StatusBarItem cannot be asked). */
  private shown: string | undefined;

  constructor(private readonly t: Translate) {
    this.item.name = t('Readiness blockers');
    this.item.command = FOCUS_VIEW_COMMAND;
  }

  get text(): string | undefined {
    return this.shown;
  }

  update(active: ChecklistResult | undefined): void {
    const progress = active?.progress;
    if (!progress) {
      this.item.hide();
      this.shown = undefined;
      return;
    }
    // The core's verdict when the server sent it: GO or NO-GO first, then the blocker count.
    const verdict = active.verdict;
    const summary = verdict?.summary ?? verdictOf([progress], this.t).text;
    this.shown = verdict ? `${verdict.decision === 'go' ? 'GO' : 'NO-GO'} · ${blockerCount(progress, this.t)}` : blockerCount(progress, this.t);
    this.item.text = `$(${verdict ? (verdict.decision === 'go' ? 'pass-filled' : 'error') : 'checklist'}) ${this.shown}`;
    this.item.tooltip = `${summary}\n${this.t('Click to show the Readiness checklist view.')}`;
    this.item.accessibilityInformation = { label: `${this.shown}, ${summary}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
