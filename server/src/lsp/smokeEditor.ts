// The smoke tests as editor features: a code lens above each test and above each
// block of several, and a quick fix on a test's output placeholder. Both run the
// client command `readiness.runSmokeTests` with the tests' keys; the client sends
// `readiness/runSmokeTests` back (smokeRuns.ts), after asking for a base URL if needed.
import { CodeAction, CodeActionKind, Command, type CodeActionParams, type CodeLens } from 'vscode-languageserver/node';
import {
  intersects,
  splitLines,
  type Analysis,
  type Range,
  type SmokeSuite,
  type SmokeTest,
  type Translate,
} from '../core/api';
import type { ReadinessService } from '../core/service';
import { filterByOnly } from './codeActions';
import { DIAGNOSTIC_SOURCE } from './convert';
import { COMMANDS, type RunSmokeTestsArguments } from '../protocol';

// Lenses and code actions ask for the same analysis many times between edits; an
// analysis object is replaced on every edit, so it keys its suite safely.
const suites = new WeakMap<Analysis, { readonly text: string; readonly suite: SmokeSuite }>();

/** The smoke tests of a document's current analysis and text. */
export function smokeSuiteOf(service: ReadinessService, analysis: Analysis, text: string): SmokeSuite {
  const cached = suites.get(analysis);
  if (cached?.text === text) return cached.suite;
  const suite = service.smoke.tests(analysis.checklist, text);
  suites.set(analysis, { text, suite });
  return suite;
}

export function runCommand(title: string, uri: string, suite: SmokeSuite, tests: readonly SmokeTest[]): Command {
  const args: RunSmokeTestsArguments = {
    uri,
    testKeys: tests.map((t) => t.key),
    ...(suite.stagingHost ? { stagingHost: suite.stagingHost } : {}),
  };
  return Command.create(title, COMMANDS.runSmokeTests, args);
}

/** A rule such as `# ======` right above a banner belongs to it: the lens goes above the rule. */
const RULE_COMMENT = /^\s*#\s*([=*#~-])\1{2,}\s*$/;

function lensLine(test: SmokeTest, lines: readonly string[]): number {
  const line = test.range.start.line;
  const above = line - 1;
  return test.bannerLine === line && above > test.fenceRange.start.line && RULE_COMMENT.test(lines[above] ?? '')
    ? above
    : line;
}

export function smokeCodeLenses(uri: string, text: string, suite: SmokeSuite, t: Translate): CodeLens[] {
  const lines = splitLines(text);
  const lenses: CodeLens[] = [];
  const atLine = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  const fences = new Map<number, SmokeTest[]>();
  for (const test of suite.tests)
    fences.set(test.fenceRange.start.line, [...(fences.get(test.fenceRange.start.line) ?? []), test]);
  for (const [line, tests] of fences) {
    // A block of one test has that test's own lens.
    if (tests.length < 2) continue;
    const title = tests.length === suite.tests.length ? t('smoke.lens.runAll') : t('smoke.lens.runBlock', tests.length);
    lenses.push({ range: atLine(line), command: runCommand(title, uri, suite, tests) });
  }
  for (const test of suite.tests)
    lenses.push({
      range: atLine(lensLine(test, lines)),
      command: runCommand(t('smoke.lens.run', test.number), uri, suite, [test]),
    });
  return lenses;
}

/** "Run smoke test N" on the output placeholder (or the earlier output) of the test under the range. */
export function smokeCodeActions(
  service: ReadinessService,
  params: CodeActionParams,
  suite: SmokeSuite,
  t: Translate,
): CodeAction[] {
  const test = service.smoke.testAt(suite, params.range.start.line);
  const output = test?.slots.output;
  if (!test || !output || !intersects(output.range, params.range)) return [];
  const action = CodeAction.create(
    t('smoke.fix.run', test.number),
    runCommand(t('smoke.fix.run', test.number), params.textDocument.uri, suite, [test]),
    CodeActionKind.QuickFix,
  );
  const diagnostics = params.context.diagnostics.filter(
    (d) => d.source === DIAGNOSTIC_SOURCE && d.code === 'unfilled-placeholder' && intersects(d.range, output.range),
  );
  if (diagnostics.length > 0) action.diagnostics = diagnostics;
  return filterByOnly([action], params.context.only);
}
