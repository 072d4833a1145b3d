// Turns the core's fixes into LSP code actions for a requested range.
import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { Analysis } from '../core/analyzer';
import { placeholderFixes, REDACT_SECRETS_KIND, repairEncodingFix, stateFixes, SYNC_SUMMARY_KIND, syncSummaryFix, type Fix } from '../core/features/fixes';
import type { Now } from '../core/dates';
import { itemHeadingOrStateAt } from '../core/features/lookup';
import { redactAllFix, secretFixes, secretNameOf } from '../core/features/secretFixes';
import type { Translate } from '../core/messages';
import { withLastUpdatedBump } from '../core/rules/headerStatus';
import { intersects, type Finding } from '../core/types';
import { DIAGNOSTIC_SOURCE } from './convert';

export const providedCodeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, SYNC_SUMMARY_KIND, REDACT_SECRETS_KIND];

/** The client command that stores a pasted secret in VS Code's SecretStorage and puts `<NAME>` in its place. */
export const MOVE_SECRET_COMMAND = 'readiness.moveSecretToStorage';

/** `bumpLastUpdated`: each fix also sets the header's "Última Actualización" to today (`readiness.header.bumpLastUpdated`). */
export function codeActions(params: CodeActionParams, analysis: Analysis, text: string, now: Now, t: Translate, bumpLastUpdated = false): CodeAction[] {
  const { checklist } = analysis;
  const uri = params.textDocument.uri;
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const actions: CodeAction[] = [];
  const add = (fix: Fix | undefined, diagnostics: Diagnostic[] = []) => {
    if (!fix) return;
    actions.push(toAction(bumpLastUpdated ? { ...fix, edits: withLastUpdatedBump(fix.edits, text, checklist, now.date) } : fix, uri, diagnostics));
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

  const summaryDiagnostics = ours.filter((d) => d.code === 'status-mismatch' && isData(d, 'summary-box'));
  if (summaryDiagnostics.length > 0) add(syncSummaryFix(checklist, t, 'quickfix'), summaryDiagnostics);
  for (const d of ours.filter((d) => d.code === 'status-mismatch' && isData(d, 'count'))) {
    const value = (d.data as { value: number }).value;
    add({ title: t('fix.count', value), kind: 'quickfix', isPreferred: true, edits: [{ range: d.range, newText: String(value) }] }, [d]);
  }
  for (const d of ours.filter((d) => d.code === 'status-mismatch' && (isData(d, 'header-status') || isData(d, 'header-updated')))) {
    const data = d.data as { newText: string; title: string };
    add({ title: data.title, kind: 'quickfix', isPreferred: true, edits: [{ range: d.range, newText: data.newText }] }, [d]);
  }
  const mojibake = ours.filter((d) => d.code === 'mojibake');
  if (mojibake.length > 0) add(repairEncodingFix(text, t), mojibake);

  for (const d of ours.filter((d) => d.code === 'secret')) {
    const finding = asFinding(d);
    for (const fix of secretFixes(finding, t)) add(fix, [d]);
    const name = secretNameOf(finding);
    if (name) actions.push(moveToSecretStorage(uri, d, name, t));
  }

  if (wants(params, SYNC_SUMMARY_KIND)) add(syncSummaryFix(checklist, t, SYNC_SUMMARY_KIND));
  if (wants(params, REDACT_SECRETS_KIND)) add(redactAllFix(analysis.findings, t));
  return filterByOnly(actions, params.context.only);
}

function isData(d: Diagnostic, kind: string): boolean {
  return typeof d.data === 'object' && d.data !== null && (d.data as { kind?: unknown }).kind === kind;
}

function wants(params: CodeActionParams, sourceKind: string): boolean {
  return params.context.only?.some((kind) => sourceKind === kind || sourceKind.startsWith(`${kind}.`)) ?? false;
}

function asFinding(d: Diagnostic): Finding {
  return { code: 'secret', severity: 'error', message: '', range: d.range, data: (d.data ?? {}) as Record<string, unknown> };
}

/** Runs in the client, which holds SecretStorage; the value travels only from the document to the store. */
function moveToSecretStorage(uri: string, d: Diagnostic, name: string, t: Translate): CodeAction {
  const action = CodeAction.create(t('fix.moveSecret', name), { title: t('fix.moveSecret', name), command: MOVE_SECRET_COMMAND, arguments: [uri, d.range, name] }, CodeActionKind.QuickFix);
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
