// The sidebar's smoke-test rows and tooltips, rendered from real answers: the core analyses the
// sample and finds its smoke tests, and the server lists them in `readiness/checklist` with the last
// results it keeps (made up here, in the shape the server records them).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTree, type ChecklistEntry } from '../../client/src/sidebar/model/buildTree';
import { noFilters, type SidebarNode } from '../../client/src/sidebar/model/nodes';
import { formatElapsed } from '../../client/src/sidebar/model/smokeTests';
import type { ChecklistResult, LastSmokeResultView } from '../../server/src/protocol';
import { sampleText } from '../support/texts';
import { OPENAI_KEY_VALUE } from '../support/secretSamples';
import { SAMPLE_URI, checklistResult, english, spanish, testService } from '../support/sidebar';
import { allEvidence } from '../../server/src/core/analyzer';
import { translator } from '../../server/src/core/messages';
import { digestOf, findSmokeTests, formatStamp } from '../../server/src/core/smoke';
import { checklistResult as serverChecklistResult } from '../../server/src/lsp/checklistResult';
import { analysisOf } from '../support/analyses';

const entry = (result: ChecklistResult): ChecklistEntry => ({ result, relativePath: 'ENTREGABLES.md' });
const tree = (entries: ChecklistEntry[], t = english) => buildTree({ entries, filters: noFilters, t });
/** The server's answer for the text, with these last results. */
const withResults = (text: string, results: ReadonlyMap<string, LastSmokeResultView>) =>
  checklistResult(text, SAMPLE_URI, { lastResults: results });

function all(nodes: readonly SidebarNode[]): SidebarNode[] {
  return nodes.flatMap((node) => [node, ...all(node.children)]);
}
const item = (roots: readonly SidebarNode[], id: string): SidebarNode => {
  const found = all(roots).find((node) => node.kind === 'item' && node.itemId === id);
  assert.ok(found, `item ${id} is shown`);
  return found;
};
const smokeRows = (node: SidebarNode) => node.children.filter((child) => child.kind === 'smokeTest');
const keyOf = (result: ChecklistResult, number: string): string => {
  const found = result.smokeTests.find((t) => t.number === number);
  assert.ok(found, `smoke test ${number}`);
  return found.key;
};

/** Results as the server keeps them, stamped with the time it recorded them. */
function lastResults(
  result: ChecklistResult,
  runs: Record<string, Omit<LastSmokeResultView, 'ranAt'>>,
): Map<string, LastSmokeResultView> {
  return new Map(Object.entries(runs).map(([number, run]) => [keyOf(result, number), { ...run, ranAt: '14:32:05' }]));
}

describe('sidebar smoke tests: the sample, nothing run yet', () => {
  const result = checklistResult(sampleText());
  const { roots } = tree([entry(result)]);
  const three = item(roots, '3');

  test('item 3 has one row per smoke test, before its open fields, each "not run yet"', () => {
    const rows = smokeRows(three);
    assert.deepEqual(
      rows.map((row) => `${row.label} | ${row.description}`),
      [
        '1. GET /api/health | not run yet',
        '2. POST /api/greeting | not run yet',
        '3. POST /api/session/validate | not run yet',
        '4. POST /api/chat | not run yet',
        '5. POST /api/upload-image | not run yet',
        '6. POST /api/whatsapp-ticket | not run yet',
        '7. GET /api/logs | not run yet',
      ],
    );
    assert.deepEqual(three.children.slice(0, 7), rows, 'the smoke tests come first');
    assert.equal(three.children[7]?.kind, 'placeholder');
    for (const row of rows) {
      assert.deepEqual(row.icon, { id: 'beaker' });
      assert.equal(row.contextValue, 'readiness.smokeTest');
      assert.equal(row.itemId, '3');
      assert.equal(row.children.length, 0);
    }
  });

  test("a click selects the test's command, with its continuation lines", () => {
    const text = sampleText().split('\n');
    const second = smokeRows(three)[1];
    const line = text.findIndex((l) => l.startsWith('$ curl -sS -X POST "http://staging-host/api/greeting"'));
    assert.deepEqual(second?.reveal, {
      start: { line, character: 0 },
      end: { line: line + 1, character: text[line + 1]?.length ?? -1 },
    });
    assert.equal(text[line + 1], `  -H "Content-Type: application/json" -d '{}' | jq`);
    // The whole test, banner to evidence, is what the row stands for.
    assert.equal(second?.span?.start.line, text.indexOf('# SMOKE TEST 2: /api/greeting'));
  });

  test('a row runs its own test, the item all of its tests, with the staging host for the base URL prompt', () => {
    const rows = smokeRows(three);
    assert.deepEqual(rows[1]?.smokeRun, {
      uri: SAMPLE_URI,
      testKeys: [keyOf(result, '2')],
      stagingHost: 'staging-host',
    });
    assert.deepEqual(three.smokeRun, {
      uri: SAMPLE_URI,
      testKeys: result.smokeTests.map((t) => t.key),
      stagingHost: 'staging-host',
    });
  });

  test('only items with smoke tests offer "run its smoke tests" (their context value says so)', () => {
    assert.equal(three.contextValue, 'readiness.item.pending.smokeTests');
    const others = all(roots).filter((node) => node.kind === 'item' && node.itemId !== '3');
    assert.equal(others.length, 20);
    for (const node of others) {
      assert.match(node.contextValue, /^readiness\.item\.[a-z-]+$/, `item ${node.itemId}`);
      assert.equal(node.smokeRun, undefined);
      assert.equal(smokeRows(node).length, 0);
    }
  });

  test('the item tooltip lists the smoke tests', () => {
    assert.match(
      three.tooltip ?? '',
      /\n\*\*Smoke tests \(7\)\*\*\n- 1\\\. GET \/api\/health: not run yet\n- 2\\\. POST \/api\/greeting: not run yet\n/,
    );
    assert.doesNotMatch(item(roots, '1').tooltip ?? '', /Smoke tests/);
  });

  test('ids are unique and stable', () => {
    const ids = all(roots).map((node) => node.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(smokeRows(three)[1]?.id, `${SAMPLE_URI}#item:3/smokeTest:2`);
  });
});

describe('sidebar smoke tests: last results', () => {
  const result = checklistResult(sampleText());
  const results = lastResults(result, {
    '1': { outcome: 'passed', status: 200, elapsedMs: 1.44, reason: '' },
    '2': { outcome: 'passed', status: 200, elapsedMs: 32.4, reason: '' },
    '4': { outcome: 'failed', status: 200, elapsedMs: 2310, reason: 'took 2.31 s; the criterion is <2s' },
    '5': { outcome: 'failed', status: 500, elapsedMs: 12, reason: 'HTTP 500 Internal Server Error' },
    '7': { outcome: 'not-run', reason: 'no value for the secret <LOG_TOKEN>' },
  });
  const three = item(tree([entry(withResults(sampleText(), results))]).roots, '3');
  const rows = smokeRows(three);

  test('each row shows its last result: ✅ PASSED with the time, ❌ FAILED with the reason, not run with why', () => {
    assert.deepEqual(
      rows.map((row) => row.description),
      [
        '✅ PASSED 1.4 ms',
        '✅ PASSED 32 ms',
        'not run yet',
        '❌ FAILED took 2.31 s; the criterion is <2s',
        '❌ FAILED HTTP 500 Internal Server Error',
        'not run yet',
        'not run: no value for the secret <LOG_TOKEN>',
      ],
    );
    assert.deepEqual(rows[1]?.icon, { id: 'pass', color: 'testing.iconPassed' });
    assert.deepEqual(rows[4]?.icon, { id: 'error', color: 'testing.iconFailed' });
    assert.deepEqual(rows[6]?.icon, { id: 'circle-slash', color: 'testing.iconSkipped' });
  });

  test("a row's tooltip gives the status, the time, when it ran and why it failed", () => {
    assert.equal(
      rows[1]?.tooltip,
      `**2\\. POST /api/greeting**\n\n✅ PASSED · HTTP 200 · 32 ms · ran at 14:32:05\n\nItem 3 · line ${(rows[1]?.reveal?.start.line ?? 0) + 1}`,
    );
    assert.match(
      rows[4]?.tooltip ?? '',
      /❌ FAILED · HTTP 500 · 12 ms · ran at 14:32:05\n\nHTTP 500 Internal Server Error\n/,
    );
    assert.match(rows[6]?.tooltip ?? '', /not run · ran at 14:32:05\n\nno value for the secret \\<LOG\\_TOKEN\\>/);
  });

  test('the item tooltip lists the last results, markdown escaped', () => {
    const section = (three.tooltip ?? '').split('**Smoke tests (7)**\n')[1] ?? '';
    assert.deepEqual(section.split('\n').slice(0, 7), [
      '- 1\\. GET /api/health: ✅ PASSED 1\\.4 ms',
      '- 2\\. POST /api/greeting: ✅ PASSED 32 ms',
      '- 3\\. POST /api/session/validate: not run yet',
      '- 4\\. POST /api/chat: ❌ FAILED took 2\\.31 s; the criterion is \\<2s',
      '- 5\\. POST /api/upload\\-image: ❌ FAILED HTTP 500 Internal Server Error',
      '- 6\\. POST /api/whatsapp\\-ticket: not run yet',
      '- 7\\. GET /api/logs: not run: no value for the secret \\<LOG\\_TOKEN\\>',
    ]);
  });

  test('a result stays with its test when the run pastes evidence; a changed command starts again at "not run yet"', () => {
    const withEvidence = sampleText().replace(
      `-d '{}' | jq\n[PEGAR SALIDA AQUÍ]\nSessionId obtenido: [PEGAR SESSION ID]`,
      `-d '{}' | jq\n{\n  "sessionId": "sess_000001"\n}\nSessionId obtenido: sess_000001`,
    );
    assert.notEqual(withEvidence, sampleText());
    const after = item(tree([entry(withResults(withEvidence, results))]).roots, '3');
    assert.equal(smokeRows(after)[1]?.description, '✅ PASSED 32 ms');
    assert.equal(smokeRows(after)[2]?.reveal?.start.line, (rows[2]?.reveal?.start.line ?? 0) + 2, 'test 3 moved down');

    const edited = sampleText().replace(
      '"http://staging-host/api/health" | jq',
      '"http://staging-host/api/health?deep=1" | jq',
    );
    const changed = item(tree([entry(withResults(edited, results))]).roots, '3');
    assert.equal(smokeRows(changed)[0]?.description, 'not run yet');
    assert.equal(smokeRows(changed)[0]?.id, rows[0]?.id, 'the row keeps its id');
  });

  test('in Spanish', () => {
    const spanishRows = smokeRows(item(tree([entry(withResults(sampleText(), results))], spanish).roots, '3'));
    assert.deepEqual(
      spanishRows.map((row) => row.description),
      [
        '✅ PASSED 1.4 ms',
        '✅ PASSED 32 ms',
        'aún no ejecutada',
        '❌ FAILED took 2.31 s; the criterion is <2s',
        '❌ FAILED HTTP 500 Internal Server Error',
        'aún no ejecutada',
        'no ejecutada: no value for the secret <LOG_TOKEN>',
      ],
    );
    assert.match(
      spanishRows[1]?.tooltip ?? '',
      /✅ PASSED · HTTP 200 · 32 ms · ejecutada a las 14:32:05\n\nÍtem 3 · línea \d+$/,
    );
    assert.match(
      item(tree([entry(withResults(sampleText(), results))], spanish).roots, '3').tooltip ?? '',
      /\*\*Pruebas de humo \(7\)\*\*/,
    );
  });

  test('response times read as the evidence writes them', () => {
    assert.deepEqual([0.04, 1.44, 9.96, 32.4, 999.4, 2310].map(formatElapsed), [
      '0 ms',
      '1.4 ms',
      '10 ms',
      '32 ms',
      '999 ms',
      '2.31 s',
    ]);
  });
});

describe('sidebar smoke tests: a secret in a command', () => {
  const TOKEN = OPENAI_KEY_VALUE;
  const text = sampleText().replace(
    `-H "Content-Type: application/json" -d '{}' | jq`,
    `-H "Authorization: Bearer ${TOKEN}" -d '{}' | jq`,
  );
  const { roots } = tree([entry(checklistResult(text))]);

  test('the row is named by its number only, and the token shows nowhere', () => {
    const three = item(roots, '3');
    assert.equal(three.children[0]?.kind, 'secret');
    assert.deepEqual(
      smokeRows(three)
        .map((row) => row.label)
        .slice(0, 3),
      ['1. GET /api/health', 'Smoke test 2', '3. POST /api/session/validate'],
    );
    for (const node of all(roots))
      for (const shown of [node.label, node.description, node.tooltip])
        assert.ok(!shown?.includes(TOKEN), `${node.id} shows the token`);
  });
});

describe('sidebar smoke tests: the evidence the server judged', () => {
  const stamp = (test: string) =>
    formatStamp({
      test,
      ran: '2026-12-03T10:00:00Z',
      host: '127.0.0.1:4321',
      env: undefined,
      runner: '0.1.0',
      cmd: digestOf('x'),
      status: 200,
      ms: 12,
      result: 'passed',
      out: digestOf('y'),
    });
  // Test 1 pasted by hand; test 2 stamped, but its stamp's digests do not match (edited, and its command "changed").
  const text = sampleText()
    .replace('[PEGAR SALIDA AQUÍ]', '{\n  "status": "ok"\n}')
    .replace(
      'LOG_TOKEN usado: [NO PEGAR EL TOKEN, solo indicar que se usó]\n```\n',
      (block) => `${block}${stamp('2')}\n`,
    );
  const analysis = analysisOf(text);
  /** The server's answer with every test's evidence worded in `locale` on 2026-12-05, and these last results. */
  const judged = (locale: string, last?: ReadonlyMap<string, LastSmokeResultView>) =>
    serverChecklistResult(
      testService,
      SAMPLE_URI,
      1,
      analysis,
      text,
      findSmokeTests(analysis.checklist, text),
      '2026-12-05',
      last,
      {
        records: allEvidence(text, analysis),
        nowMs: Date.parse('2026-12-05T10:00:00Z'),
        t: translator(locale),
      },
    );
  const result = judged('en');

  test('rows mark unverified and edited evidence, with the stamp in words in the tooltip; the server worded them', () => {
    const rows = smokeRows(item(tree([entry(result)]).roots, '3'));
    assert.deepEqual(
      rows.slice(0, 3).map((row) => `${row.label} | ${row.description} | ${row.icon?.id}`),
      [
        '1. GET /api/health | unverified evidence | question',
        '2. POST /api/greeting | edited evidence | warning',
        '3. POST /api/session/validate | not run yet | beaker',
      ],
    );
    assert.match(
      (rows[0]?.tooltip ?? '').replace(/\\/g, ''),
      /Evidence: unverified: pasted by hand, no stamp says when, where or how it ran/,
    );
    assert.match(
      (rows[1]?.tooltip ?? '').replace(/\\/g, ''),
      /Evidence: ran 2 days ago \(2026-12-03 10:00\) against 127\.0\.0\.1:4321, HTTP 200 in 12 ms, edited since/,
    );
    // A result of this session comes first; the mark stays.
    const ran = lastResults(result, { '1': { outcome: 'passed', status: 200, elapsedMs: 31, reason: '' } });
    assert.equal(
      smokeRows(item(tree([entry(judged('en', ran))]).roots, '3'))[0]?.description,
      '✅ PASSED 31 ms · unverified evidence',
    );
    // In Spanish, the client's words from the bundle and the server's from its catalogue.
    const spanishResult = judged('es');
    assert.equal(
      smokeRows(item(tree([entry(spanishResult)], spanish).roots, '3'))[1]?.description,
      'evidencia editada',
    );
  });
});
