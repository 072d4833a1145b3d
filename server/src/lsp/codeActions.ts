// Turns the core's fixes into LSP code actions for a requested range.
import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { Analysis } from '../core/analyzer';
import { placeholderFixes, REDACT_SECRETS_KIND, repairEncodingFix, stateFixes, SYNC_SUMMARY_KIND, syncSummaryFix, type Fix } from '../core/features/fixes';
import type { Now } from '../core/dates';
import { itemHeadingOrStateAt } from '../core/features/lookup';
import { redactAllFix, secretFixes, secretNameOf } from '../core/features/secretFixes';
import type { Translate } from '../core/messages';
import { intersects, type Range } from '../core/types';
import { COMMANDS, type MoveSecretToStorageArguments } from '../protocol';
import { DIAGNOSTIC_SOURCE } from './convert';

export const providedCodeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, SYNC_SUMMARY_KIND, REDACT_SECRETS_KIND];

export function codeActions(params: CodeActionParams, analysis: Analysis, text: string, now: Now, t: Translate): CodeAction[] {
  const { checklist } = analysis;
  const uri = params.textDocument.uri;
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const actions: CodeAction[] = [];
  const add = (fix: Fix | undefined, diagnostics: Diagnostic[] = []) => {
    if (fix) actions.push(toAction(fix, uri, diagnostics));
  };

  for (const item of checklist.items) {
    for (const placeholder of item.placeholders) {
      if (!intersects(placeholder.range, params.range)) continue;
      const diagnostics = ours.filter((d) => d.code === 'unfilled-placeholder' && intersects(d.range, placeholder.range));
      for (const fix of placeholderFixes(placeholder, now, t)) add(fix, diagnostics);
    }
  }
  const item = itemHeadingOrStateAt(checklist, params.range.start);
  if (item) for (const fix of stateFixes(checklist, item, t)) add(fix, ours.filter((d) => d.code === 'status-mismatch' && intersects(d.range, params.range)));

  // The client's diagnostics are matched to the analysis' findings, whose data is typed by rule.
  const findingOf = (d: Diagnostic) => analysis.findings.find((f) => f.code === d.code && sameRange(f.range, d.range));
  const mismatchOf = (d: Diagnostic) => {
    const finding = d.code === 'status-mismatch' ? findingOf(d) : undefined;
    return finding?.code === 'status-mismatch' ? finding.data : undefined;
  };
  const summaryDiagnostics = ours.filter((d) => mismatchOf(d)?.kind === 'summary-box');
  if (summaryDiagnostics.length > 0) add(syncSummaryFix(checklist, t, 'quickfix'), summaryDiagnostics);
  for (const d of ours) {
    const data = mismatchOf(d);
    if (data?.kind !== 'count') continue;
    add({ title: t('fix.count', data.value), kind: 'quickfix', isPreferred: true, edits: [{ range: d.range, newText: String(data.value) }] }, [d]);
  }
  const mojibake = ours.filter((d) => d.code === 'mojibake');
  if (mojibake.length > 0) add(repairEncodingFix(text, t), mojibake);

  for (const d of ours.filter((d) => d.code === 'secret')) {
    const finding = findingOf(d);
    if (!finding) continue;
    for (const fix of secretFixes(finding, t)) add(fix, [d]);
    const name = secretNameOf(finding);
    if (name) actions.push(moveToSecretStorage(uri, d, name, t));
  }

  if (wants(params, SYNC_SUMMARY_KIND)) add(syncSummaryFix(checklist, t, SYNC_SUMMARY_KIND));
  if (wants(params, REDACT_SECRETS_KIND)) add(redactAllFix(analysis.findings, t));
  return filterByOnly(actions, params.context.only);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function wants(params: CodeActionParams, sourceKind: string): boolean {
  return params.context.only?.some((kind) => sourceKind === kind || sourceKind.startsWith(`${kind}.`)) ?? false;
}


/** Runs in the client, which holds SecretStorage; the value travels only from the document to the store. */
function moveToSecretStorage(uri: string, d: Diagnostic, name: string, t: Translate): CodeAction {
  const args: MoveSecretToStorageArguments = [uri, d.range, name];
  const action = CodeAction.create(t('fix.moveSecret', name), { title: t('fix.moveSecret', name), command: COMMANDS.moveSecretToStorage, arguments: [...args] }, CodeActionKind.QuickFix);
  action.diagnostics = [d];
  return action;
}

export function filterByOnly(actions: CodeAction[], only: readonly string[] | undefined): CodeAction[] {
  if (!only || only.length === 0) return actions;
  return actions.filter((a) => only.some((kind) => a.kind === kind || a.kind?.startsWith(`${kind}.`)));
}

function toAction(fix: Fix, uri: string, diagnostics: Diagnostic[]): CodeAction {
  const action = CodeAction.create(fix.title, { changes: { [uri]: [...fix.edits] } }, fix.kind);
  if (diagnostics.length > 0) action.diagnostics = diagnostics;
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}
