// "Blockers 2/6" in the status bar for the checklist in the active editor; a click shows the
// sidebar. Hidden while the active editor holds no checklist.
import * as vscode from 'vscode';
import type { ChecklistResult } from '../../../server/src/lsp/protocol';
import type { Translate } from './model/nodes';
import { blockerCount, verdictOf } from './model/verdict';

export const FOCUS_VIEW_COMMAND = 'readiness.checklist.focus';

export class BlockerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('readiness.blockers', vscode.StatusBarAlignment.Left, 50);
  /** The blocker count shown (checks follow it), or undefined while hidden (a StatusBarItem cannot be asked). */
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
    this.shown = blockerCount(progress, this.t);
    const checks = progress.checks && progress.checks.total > 0 ? ` · ${this.t('Checks {0}/{1}', progress.checks.done, progress.checks.total)}` : '';
    this.item.text = `$(checklist) ${this.shown}${checks}`;
    this.item.tooltip = `${verdictOf([progress], this.t).text}\n${this.t('Click to show the Readiness checklist view.')}`;
    this.item.accessibilityInformation = { label: `${this.shown}${checks}, ${verdictOf([progress], this.t).text}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
