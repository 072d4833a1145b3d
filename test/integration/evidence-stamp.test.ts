// Provenance stamps and the evidence diagnostics, on the sample run for real
// against the staging stand-in (loopback), the evidence written as the CLI does.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as prettier from 'prettier';
import { allEvidence, ChecklistAnalyzer, type Analysis } from '../../server/src/core/analyzer';
import { defaultAnalysisSettings } from '../../server/src/core/rules/rule';
import {
  applyTextEdits,
  defaultSmokeSettings,
  digestOf,
  formatStamp,
  parseStamp,
  runSmokeTests,
  smokeTestsOf,
  stampedEvidenceEdits,
  type EvidenceStamp,
  type WallClock,
} from '../../server/src/core/smoke';
import { responseSecretDetector } from '../../server/src/lsp/smokeEnvironment';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../staging-server/server';
import { nodeEnvironment, steppingClock, type EnvironmentOptions } from '../staging-server/testing';
import { sampleText } from '../support/paths';

const RAN = Date.parse('2026-12-03T10:00:00Z');
const fixedWall: WallClock = { now: () => ({ ms: RAN, offsetMinutes: 60 }) };

async function runAndWrite(
  text: string,
  baseUrl: string,
  options: EnvironmentOptions & { numbers?: readonly string[] } = {},
): Promise<string> {
  const suite = smokeTestsOf(text);
  const tests = options.numbers ? suite.tests.filter((t) => options.numbers?.includes(t.number)) : undefined;
  const run = await runSmokeTests(
    suite,
    { ...defaultSmokeSettings, baseUrl },
    nodeEnvironment({ wallClock: fixedWall, ...options }),
    { tests },
  );
  const plan = stampedEvidenceEdits(text, suite, run.results, { runner: '9.9.9', baseUrl });
  return applyTextEdits(text, plan.edits);
}

function analyze(text: string, options: { today?: string; baseUrl?: string; maxAgeDays?: number } = {}): Analysis {
  return new ChecklistAnalyzer().analyze(text, {
    today: options.today ?? '2026-12-03',
    settings: {
      ...defaultAnalysisSettings,
      evidence: { maxAgeDays: options.maxAgeDays ?? 7, baseUrl: options.baseUrl },
    },
  });
}

const codesOf = (analysis: Analysis, ...codes: string[]) => analysis.findings.filter((f) => codes.includes(f.code));
const stampLines = (text: string) => text.split(/\r?\n/).filter((l) => l.includes('readiness:evidence'));

describe('evidence stamps: the format', () => {
  const stamp: EvidenceStamp = {
    test: '2',
    ran: '2026-12-03T11:00:00+01:00',
    host: 'staging.example.com',
    env: 'pre prod',
    runner: '0.1.0',
    cmd: digestOf('curl x'),
    status: 200,
    ms: 84,
    result: 'passed',
    out: digestOf('{}'),
  };

  test('one HTML comment, versioned, read back the same', () => {
    const line = formatStamp(stamp);
    assert.match(
      line,
      /^<!-- readiness:evidence v1 test=2 ran=2026-12-03T11:00:00\+01:00 host=staging\.example\.com env=pre%20prod runner=0\.1\.0 cmd=sha256:[0-9a-f]{16} status=200 ms=84 result=passed out=sha256:[0-9a-f]{16} -->$/,
    );
    assert.deepEqual(parseStamp(line), { ok: true, stamp });
    assert.deepEqual(parseStamp(`   ${line}  `), { ok: true, stamp });
  });

  test('SHA-256 cut to 16 hex digits', () => {
    assert.equal(digestOf('abc'), `sha256:${createHash('sha256').update('abc').digest('hex').slice(0, 16)}`);
    assert.equal(digestOf('ñ'), `sha256:${createHash('sha256').update('ñ', 'utf8').digest('hex').slice(0, 16)}`);
  });

  test('a newer version is recognised as unreadable; damaged stamps are not stamps', () => {
    assert.deepEqual(parseStamp('<!-- readiness:evidence v2 whatever=1 -->'), {
      ok: false,
      version: 'v2',
      test: undefined,
    });
    assert.deepEqual(parseStamp('<!-- readiness:evidence v2 test=3 whatever=1 -->'), {
      ok: false,
      version: 'v2',
      test: '3',
    });
    assert.equal(
      parseStamp(
        '<!-- readiness:evidence v1 test=2 ran=yesterday cmd=sha256:0123456789abcdef out=sha256:0123456789abcdef -->',
      ),
      undefined,
    );
    assert.equal(parseStamp('<!-- readiness:evidence v1 test=2 -->'), undefined);
    assert.equal(parseStamp('<!-- some other comment -->'), undefined);
    assert.equal(parseStamp(formatStamp(stamp).replace(/cmd=sha256:\w+/, 'cmd=md5:abc')), undefined);
  });
});

describe('evidence stamps: written by a run, checked by the analysis', () => {
  let server: StagingServer;
  let stamped: string;
  before(async () => {
    server = await startStagingServer();
    stamped = await runAndWrite(sampleText(), server.url);
  });
  after(() => server.close());

  test('every pasted result gets one stamp after its block, and the analysis finds it verified', () => {
    const lines = stampLines(stamped);
    assert.equal(lines.length, 7);
    const host = new URL(server.url).host;
    lines.forEach((line, i) => {
      const parsed = parseStamp(line);
      assert.ok(parsed?.ok, line);
      assert.equal(parsed.stamp.test, String(i + 1));
      assert.equal(parsed.stamp.ran, '2026-12-03T11:00:00+01:00');
      assert.equal(parsed.stamp.host, host);
      assert.equal(parsed.stamp.runner, '9.9.9');
      assert.equal(parsed.stamp.status, 200);
      assert.equal(parsed.stamp.result, 'passed');
    });
    // Right after the closing fence of the block, before the acceptance criteria.
    const all = stamped.split('\n');
    const first = all.findIndex((l) => l.includes('readiness:evidence'));
    assert.equal(all[first - 1], '```');
    assert.equal(all[first + 7], '');
    const analysis = analyze(stamped, { baseUrl: server.url });
    assert.deepEqual(
      analysis.evidence.map((r) => r.state),
      Array(7).fill('verified'),
    );
    assert.deepEqual(codesOf(analysis, 'stale-evidence', 'edited-evidence'), []);
  });

  test('re-running a test replaces its stamp and leaves the others', async () => {
    const again = await runAndWrite(stamped, server.url, {
      numbers: ['2'],
      wallClock: { now: () => ({ ms: RAN + 3_600_000, offsetMinutes: 0 }) },
    });
    const before = stampLines(stamped);
    const after = stampLines(again);
    assert.equal(after.length, 7);
    assert.deepEqual(
      after.filter((_, i) => i !== 1),
      before.filter((_, i) => i !== 1),
    );
    assert.match(after[1] ?? '', /test=2 ran=2026-12-03T11:00:00Z /);
    assert.deepEqual(
      analyze(again).evidence.map((r) => r.state),
      Array(7).fill('verified'),
    );
  });

  test('a hand edit of the output is edited-evidence; a re-run clears it', async () => {
    const edited = stamped.replace('"service": "staging-stand-in"', '"service": "prod"');
    const found = codesOf(analyze(edited), 'edited-evidence');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.severity, 'warning');
    assert.equal(found[0]?.data?.['test'], '1');
    assert.equal(
      found[0]?.message,
      'The evidence of smoke test 1 was edited after it ran: it no longer matches its stamp. Re-run the test.',
    );
    const rerun = await runAndWrite(edited, server.url, { numbers: ['1'] });
    assert.deepEqual(codesOf(analyze(rerun), 'edited-evidence'), []);
  });

  test('turning a failure into ✅ PASSED by hand is an edit too', () => {
    const lines = stamped.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Estado: ✅ PASSED'));
    lines[at] = 'Estado: ✅ PASSED (revisado)';
    assert.equal(codesOf(analyze(lines.join('\n')), 'edited-evidence').length, 1);
  });

  test('a changed command, an old run, another host: stale-evidence with each reason', async () => {
    const changed = stamped.replace(
      `-H "Content-Type: application/json" -d '{}' | jq`,
      `-H "Content-Type: application/json" -d '{"canal":"qa"}' | jq`,
    );
    const command = codesOf(analyze(changed), 'stale-evidence');
    assert.deepEqual(
      command.map((f) => [f.data?.['test'], f.data?.['reasons']]),
      [['2', ['command']]],
    );
    assert.equal(
      command[0]?.message,
      'The evidence of smoke test 2 is stale: the command changed since it ran. Re-run the test.',
    );
    assert.equal(
      command[0]?.range.start.line,
      changed.split('\n').findIndex((l) => l.startsWith('$ curl -sS -X POST "http://staging-host/api/greeting"')),
    );

    const old = codesOf(analyze(stamped, { today: '2026-12-13' }), 'stale-evidence');
    assert.equal(old.length, 7);
    assert.match(old[0]?.message ?? '', /it ran 10 days ago \(the limit is 7: readiness\.evidence\.maxAgeDays\)/);
    assert.equal(codesOf(analyze(stamped, { today: '2026-12-13', maxAgeDays: 10 }), 'stale-evidence').length, 0);

    const elsewhere = codesOf(analyze(stamped, { baseUrl: 'https://staging.example.com' }), 'stale-evidence');
    assert.equal(elsewhere.length, 7);
    assert.match(
      elsewhere[0]?.message ?? '',
      /it ran against 127\.0\.0\.1:\d+, and the base URL is now staging\.example\.com/,
    );

    const rerun = await runAndWrite(changed, server.url, { numbers: ['2'] });
    assert.deepEqual(codesOf(analyze(rerun), 'stale-evidence'), []);
  });

  test('whitespace reflow of a command is not a change', () => {
    const reflowed = stamped.replace(
      `$ curl -sS -X POST "http://staging-host/api/greeting" \\\n  -H`,
      `$ curl  -sS -X POST "http://staging-host/api/greeting" \\\n      -H`,
    );
    assert.notEqual(reflowed, stamped);
    assert.deepEqual(codesOf(analyze(reflowed), 'stale-evidence'), []);
  });

  test('the stamps survive format on save (prettier) and CRLF line ends', async () => {
    const formatted = await prettier.format(stamped, { parser: 'markdown' });
    assert.notEqual(formatted, stamped);
    const crlf = formatted.replace(/\n/g, '\r\n');
    for (const text of [formatted, crlf, stamped.replace(/\n/g, '\r\n')]) {
      const analysis = analyze(text, { baseUrl: server.url });
      assert.deepEqual(
        analysis.evidence.map((r) => r.state),
        Array(7).fill('verified'),
      );
      assert.deepEqual(codesOf(analysis, 'stale-evidence', 'edited-evidence'), []);
    }
    // A second run on the CRLF text keeps CRLF and still one stamp per test.
    const rerun = await runAndWrite(crlf, server.url, { numbers: ['1'] });
    assert.equal(stampLines(rerun).length, 7);
    assert.ok(!/[^\r]\n/.test(rerun), 'only CRLF line ends');
    assert.deepEqual(
      analyze(rerun).evidence.map((r) => r.state),
      Array(7).fill('verified'),
    );
  });

  test('an item marked done with a failing test is a status-mismatch; a passing re-run clears it', async () => {
    server.configure({ failing: ['/api/whatsapp-ticket'] });
    let failing: string;
    try {
      failing = await runAndWrite(sampleText(), server.url);
    } finally {
      server.configure({ failing: [] });
    }
    const done = failing.replace(/(### 3\. Smoke Tests[\s\S]*?\*\*Estado\*\*: )⏳ Pendiente/, '$1✅ Completado');
    const found = codesOf(analyze(done), 'status-mismatch').filter((f) => f.data?.['kind'] === 'evidence-failed');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.data?.['test'], '6');
    assert.match(
      found[0]?.message ?? '',
      /^Item 3 · Smoke Tests is marked done, but smoke test 6 shows a failure: its status says "❌ FAILED/,
    );
    // Not done: nothing to say.
    assert.equal(
      codesOf(analyze(failing), 'status-mismatch').filter((f) => f.data?.['kind'] === 'evidence-failed').length,
      0,
    );
    const rerun = await runAndWrite(done, server.url);
    assert.equal(
      codesOf(analyze(rerun), 'status-mismatch').filter((f) => f.data?.['kind'] === 'evidence-failed').length,
      0,
    );
  });

  test("a response time over the item's limit is a missed criterion", async () => {
    const slow = await runAndWrite(sampleText(), server.url, {
      clock: steppingClock(2500),
      numbers: ['1', '2', '3', '4'],
    });
    const done = slow.replace(/(### 3\. Smoke Tests[\s\S]*?\*\*Estado\*\*: )⏳ Pendiente/, '$1✅ Completado');
    const record = analyze(done).evidence.find((r) => r.number === '4');
    assert.deepEqual(
      record?.failures.map((f) => f.code),
      ['status-field', 'criterion'],
    );
    assert.ok(codesOf(analyze(done), 'status-mismatch').some((f) => f.data?.['test'] === '4'));
  });

  test('evidence pasted by hand is unverified, and no stamp means no stamp diagnostics', () => {
    const byHand = sampleText().replace('[PEGAR SALIDA AQUÍ]', '{\n  "status": "ok"\n}');
    const analysis = analyze(byHand);
    // Nothing stamped and nothing done: the analysis had no test to look at; every test's record on request.
    assert.deepEqual(analysis.evidence, []);
    const all = allEvidence(byHand, analysis);
    assert.equal(all[0]?.state, 'unverified');
    assert.deepEqual(
      all.slice(1).map((r) => r.state),
      Array(6).fill('none'),
    );
    assert.deepEqual(codesOf(analysis, 'stale-evidence', 'edited-evidence'), []);
    const newer = stamped.replace(
      /<!-- readiness:evidence v1 test=1 [^\n]*-->/,
      '<!-- readiness:evidence v2 test=1 future=yes -->',
    );
    const record = analyze(newer).evidence[0];
    assert.equal(record?.state, 'unverified');
    assert.equal(record?.unreadableVersion, 'v2');
  });
});

describe('evidence stamps never hold a secret, in any form', () => {
  const PASSWORD = 'hunter2-Corr3ct-Horse';
  const BEARER = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
  const LOGGED = 'sk-proj-Z9y8X7w6V5u4T3s2R1q0P9o8';
  let server: StagingServer;
  before(async () => (server = await startStagingServer({ loggedSecret: LOGGED })));
  after(() => server.close());

  test('secrets planted in commands and responses appear in no stamp, raw, encoded or hashed', async () => {
    const text = sampleText()
      .replace(
        `$ curl -sS -X GET "http://staging-host/api/health" | jq`,
        `$ curl -sS -X GET -H "Authorization: Bearer ${BEARER}" "http://staging-host/api/health" | jq`,
      )
      .replace(
        `$ curl -sS -X POST "http://staging-host/api/greeting" \\`,
        `$ curl -sS -u "qa:${PASSWORD}" -X POST "http://staging-host/api/greeting" \\`,
      );
    const suite = smokeTestsOf(text);
    const run = await runSmokeTests(
      suite,
      { ...defaultSmokeSettings, baseUrl: server.url },
      { ...nodeEnvironment({ wallClock: fixedWall }), detectSecrets: responseSecretDetector(text) },
    );
    const written = applyTextEdits(
      text,
      stampedEvidenceEdits(text, suite, run.results, { runner: '9.9.9', baseUrl: server.url }).edits,
    );
    const stamps = stampLines(written).join('\n');
    assert.equal(stampLines(written).length, 7);
    for (const secret of [PASSWORD, BEARER, LOGGED, DEFAULT_LOG_TOKEN, `qa:${PASSWORD}`]) {
      const forms = [
        secret,
        encodeURIComponent(secret),
        Buffer.from(secret).toString('base64'),
        Buffer.from(secret).toString('hex'),
        createHash('sha256').update(secret).digest('hex').slice(0, 16),
        createHash('sha1').update(secret).digest('hex').slice(0, 16),
        createHash('md5').update(secret).digest('hex').slice(0, 16),
      ];
      for (const form of forms)
        assert.ok(!stamps.includes(form), `a form of a secret in the stamps: ${form.slice(0, 4)}…`);
    }
    // The command digest is of the command with the planted values masked: the same without them.
    const masked = text.replace(BEARER, 'ghp_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2');
    const maskedSuite = smokeTestsOf(masked);
    const { commandDigest } = await import('../../server/src/core/smoke/stamp');
    assert.equal(commandDigest(suite.tests[0] ?? assert.fail()), commandDigest(maskedSuite.tests[0] ?? assert.fail()));
  });
});

describe('evidence stamps: hostile and unusual documents', () => {
  const result = (testKey: string, number: string) => ({
    testKey,
    identity: { number, path: undefined, command: '', occurrence: 0 },
    number,
    method: 'GET',
    path: '/h',
    outcome: 'passed' as const,
    reasons: [],
    status: 200,
    statusText: 'OK',
    elapsedMs: 12,
    request: { method: 'GET', url: 'http://127.0.0.1:1/h' },
    evidence: {
      passed: true,
      failure: undefined,
      outputLines: ['{}'],
      elapsedMs: 12,
      captures: {},
      secretsUsed: [],
      sent: true,
    },
    secretsUsed: [],
    ranAt: { ms: RAN, offsetMinutes: 0 },
  });
  const doc = (fenceEnd: string, after = '') =>
    `# E\n\n## 🔴 BLOQUERS\n\n### 1. Smoke\n\n**Estado**: ⏳ Pendiente\n\n\`\`\`bash\n# SMOKE TEST 1: /h\n$ curl -sS http://staging-host/h\n[PEGAR SALIDA AQUÍ]\nEstado: [✅ PASSED / ❌ FAILED]\n${fenceEnd}${after}`;

  test('a block that is never closed gets its evidence and no stamp (nothing would hide it)', () => {
    const text = doc('');
    const suite = smokeTestsOf(text);
    const written = applyTextEdits(
      text,
      stampedEvidenceEdits(text, suite, [result(suite.tests[0]?.key ?? '', '1')], {
        runner: 't',
        baseUrl: 'http://127.0.0.1:1',
      }).edits,
    );
    assert.match(written, /\n\{\}\nEstado: ✅ PASSED\n/);
    assert.ok(!written.includes('readiness:evidence'));
  });

  test('damaged stamps, and stamps of tests the block does not have, are replaced by the next run', () => {
    const text = doc(
      '```\n',
      '<!-- readiness:evidence v1 test=1 ran=garbage -->\n\n<!-- readiness:evidence v1 test=9 ran=2026-01-01T00:00:00Z cmd=sha256:0123456789abcdef out=sha256:0123456789abcdef -->\n\nTexto.\n',
    );
    const suite = smokeTestsOf(text);
    assert.equal(analyze(text).evidence[0]?.state, 'none');
    const written = applyTextEdits(
      text,
      stampedEvidenceEdits(text, suite, [result(suite.tests[0]?.key ?? '', '1')], {
        runner: 't',
        baseUrl: 'http://127.0.0.1:1',
      }).edits,
    );
    const stamps = stampLines(written);
    assert.equal(stamps.length, 1);
    assert.match(
      stamps[0] ?? '',
      /^<!-- readiness:evidence v1 test=1 ran=2026-12-03T10:00:00Z host=127\.0\.0\.1:1 runner=t /,
    );
    assert.ok(written.endsWith('\n\nTexto.\n'));
    assert.equal(analyze(written).evidence[0]?.state, 'verified');
  });

  test('thousands of stamp-like lines, stamps inside blocks and garbage values neither crash nor confuse the analysis', () => {
    const junk = Array.from(
      { length: 3000 },
      (_, i) =>
        `<!-- readiness:evidence v1 test=${i % 3} ran=${'9'.repeat(i % 40)} cmd=sha256:${'f'.repeat(16)} out=sha256:zz -->`,
    ).join('\n');
    const text = doc('```\n', `${junk}\n`).replace('$ curl', '<!-- readiness:evidence v1 test=1 -->\n$ curl');
    const analysis = analyze(text);
    assert.equal(analysis.evidence.length, 1);
    assert.equal(analysis.evidence[0]?.state, 'none');
  });
});
