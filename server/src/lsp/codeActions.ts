// Turns the core's fixes into LSP code actions for a requested range.
import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import {
  intersects,
  REDACT_SECRETS_KIND,
  SYNC_SUMMARY_KIND,
  type Analysis,
  type Fix,
  type Now,
  type Translate,
} from '../core/api';
import type { ReadinessService } from '../core/service';
import { COMMANDS, type MoveSecretToStorageArguments } from '../protocol';
import { DIAGNOSTIC_SOURCE, findingOf } from './convert';

export const providedCodeActionKinds = [
  CodeActionKind.QuickFix,
  CodeActionKind.RefactorRewrite,
  SYNC_SUMMARY_KIND,
  REDACT_SECRETS_KIND,
  'source.readiness.rerunStaleSmokeTests',
];

/** `bumpLastUpdated`: each fix also sets the header's "Última Actualización" to today (`readiness.header.bumpLastUpdated`). */
export function codeActions(
  service: ReadinessService,
  params: CodeActionParams,
  analysis: Analysis,
  text: string,
  now: Now,
  t: Translate,
  bumpLastUpdated = false,
): CodeAction[] {
  const { fixes } = service;
  const { checklist } = analysis;
  const uri = params.textDocument.uri;
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const actions: CodeAction[] = [];
  const add = (fix: Fix | undefined, diagnostics: Diagnostic[] = []) => {
    if (!fix) return;
    actions.push(
      toAction(
        bumpLastUpdated
          ? { ...fix, edits: service.header.withLastUpdatedBump(fix.edits, text, checklist, now.date) }
          : fix,
        uri,
        diagnostics,
      ),
    );
  };

  for (const placeholders of [...checklist.items.map((item) => item.placeholders), checklist.blanks ?? []]) {
    for (const placeholder of placeholders) {
      if (!intersects(placeholder.range, params.range)) continue;
      const diagnostics = ours.filter(
        (d) => d.code === 'unfilled-placeholder' && intersects(d.range, placeholder.range),
      );
      for (const fix of fixes.placeholder(placeholder, now, t, checklist.language)) add(fix, diagnostics);
    }
  }
  for (const d of ours.filter((d) => d.code === 'bracketed-value')) add(fixes.removeBrackets(text, d.range, t), [d]);
  const item = fixes.itemAt(checklist, params.range.start);
  if (item)
    for (const fix of fixes.state(checklist, item, t))
      add(
        fix,
        ours.filter((d) => d.code === 'status-mismatch' && intersects(d.range, params.range)),
      );

  // The client's diagnostics are matched to the analysis' findings, whose data is typed by rule.
  const finding = (d: Diagnostic) => findingOf(analysis.findings, d);

  // An item whose state is not known, or that is late, may simply not apply to this release.
  for (const d of ours.filter(
    (d) => (d.code === 'unknown-state' || d.code === 'overdue') && intersects(d.range, params.range),
  )) {
    const found = finding(d);
    const id = found?.code === 'unknown-state' || found?.code === 'overdue' ? found.data.item : undefined;
    const target = checklist.items.find((i) => i.id === id);
    if (target) add(fixes.notApplicable(checklist, target, t), [d]);
  }

  const mismatchOf = (d: Diagnostic) => {
    const found = d.code === 'status-mismatch' ? finding(d) : undefined;
    return found?.code === 'status-mismatch' ? found.data : undefined;
  };
  const summaryDiagnostics = ours.filter((d) => mismatchOf(d)?.kind === 'summary-box');
  if (summaryDiagnostics.length > 0) add(fixes.syncSummary(checklist, 'quickfix', t), summaryDiagnostics);
  for (const d of ours) {
    const data = mismatchOf(d);
    if (data?.kind !== 'count') continue;
    add(
      {
        title: t('fix.count', data.value),
        kind: 'quickfix',
        isPreferred: true,
        edits: [{ range: d.range, newText: String(data.value) }],
      },
      [d],
    );
  }
  for (const d of ours) {
    const data = mismatchOf(d);
    if (data?.kind !== 'header-status' && data?.kind !== 'header-updated') continue;
    add(
      { title: data.title, kind: 'quickfix', isPreferred: true, edits: [{ range: d.range, newText: data.newText }] },
      [d],
    );
  }
  const mojibake = ours.filter((d) => d.code === 'mojibake');
  if (mojibake.length > 0) add(fixes.repairEncoding(text, t), mojibake);

  for (const d of ours.filter((d) => d.code === 'secret')) {
    const found = finding(d);
    if (!found) continue;
    for (const fix of fixes.secret(found, t)) add(fix, [d]);
    const name = fixes.secretName(found);
    if (name) actions.push(moveToSecretStorage(uri, d, name, t));
  }

  if (wants(params, SYNC_SUMMARY_KIND)) add(fixes.syncSummary(checklist, SYNC_SUMMARY_KIND, t));
  if (wants(params, REDACT_SECRETS_KIND)) add(fixes.redactAll(analysis.findings, t));
  return filterByOnly(actions, params.context.only);
}

function wants(params: CodeActionParams, sourceKind: string): boolean {
  return params.context.only?.some((kind) => sourceKind === kind || sourceKind.startsWith(`${kind}.`)) ?? false;
}

/** Runs in the client, which holds SecretStorage; the value travels only from the document to the store. */
function moveToSecretStorage(uri: string, d: Diagnostic, name: string, t: Translate): CodeAction {
  const args: MoveSecretToStorageArguments = [uri, d.range, name];
  const action = CodeAction.create(
    t('fix.moveSecret', name),
    { title: t('fix.moveSecret', name), command: COMMANDS.moveSecretToStorage, arguments: [...args] },
    CodeActionKind.QuickFix,
  );
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
