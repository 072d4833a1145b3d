// Quick fixes on the evidence diagnostics: "Re-run smoke test N" on stale-evidence,
// edited-evidence and a status-mismatch that comes from a failed test, and the source
// action "Re-run stale smoke tests". They run the client command `readiness.runSmokeTests`
// (as the code lenses do); the run replaces the evidence and its stamp.
import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { Analysis, SmokeSuite, Translate } from '../core/api';
import { filterByOnly } from './codeActions';
import { findingOf } from './convert';
import { runCommand } from './smokeEditor';

/** The source action that re-runs every test whose evidence is stale or edited. */
export const RERUN_STALE_KIND = 'source.readiness.rerunStaleSmokeTests';

const EVIDENCE_CODES = new Set(['stale-evidence', 'edited-evidence', 'status-mismatch']);

export function evidenceCodeActions(
  params: CodeActionParams,
  analysis: Analysis,
  suite: SmokeSuite,
  t: Translate,
): CodeAction[] {
  const uri = params.textDocument.uri;
  const byKey = new Map(suite.tests.map((test) => [test.key, test]));
  const actions: CodeAction[] = [];
  const byTest = new Map<string, Diagnostic[]>();
  for (const d of params.context.diagnostics) {
    if (typeof d.code !== 'string' || !EVIDENCE_CODES.has(d.code)) continue;
    const testKey = findingOf(analysis.findings, d)?.data?.testKey;
    if (typeof testKey === 'string' && byKey.has(testKey)) byTest.set(testKey, [...(byTest.get(testKey) ?? []), d]);
  }
  for (const [key, diagnostics] of byTest) {
    const test = byKey.get(key);
    if (!test) continue;
    const title = t('fix.rerunTest', test.number);
    const action = CodeAction.create(title, runCommand(title, uri, suite, [test]), CodeActionKind.QuickFix);
    action.diagnostics = diagnostics;
    action.isPreferred = true;
    actions.push(action);
  }
  if (params.context.only?.some((kind) => RERUN_STALE_KIND === kind || RERUN_STALE_KIND.startsWith(`${kind}.`))) {
    const stale = new Set(
      analysis.evidence.filter((r) => r.state === 'stale' || r.state === 'edited').map((r) => r.testKey),
    );
    const tests = suite.tests.filter((test) => stale.has(test.key));
    if (tests.length > 0)
      actions.push(
        CodeAction.create(t('fix.rerunStale'), runCommand(t('fix.rerunStale'), uri, suite, tests), RERUN_STALE_KIND),
      );
  }
  return filterByOnly(actions, params.context.only);
}
