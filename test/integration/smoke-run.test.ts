// Runs smoke tests over real HTTP on loopback against the staging stand-in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  defaultSmokeSettings,
  runSmokeTests,
  smokeTestsOf,
  type SmokeResult,
  type SmokeSettings,
  type SmokeSuite,
} from '../../server/src/core/smoke';
import { startStagingServer, type StagingServer } from '../staging-server/server';
import {
  closedPort,
  memoryFiles,
  nodeEnvironment,
  steppingClock,
  type EnvironmentOptions,
} from '../staging-server/testing';
import { readFixture, sampleText } from '../support/paths';

const tls = {
  key: readFixture('smoke', 'tls', 'localhost-test-only.key'),
  cert: readFixture('smoke', 'tls', 'localhost-test-only.crt'),
};

const settingsFor = (baseUrl: string | undefined, extra: Partial<SmokeSettings> = {}): SmokeSettings => ({
  ...defaultSmokeSettings,
  baseUrl,
  ...extra,
});

async function run(
  suite: SmokeSuite,
  settings: SmokeSettings,
  options: EnvironmentOptions = {},
  numbers?: readonly string[],
  signal?: AbortSignal,
): Promise<SmokeResult[]> {
  const tests = numbers ? suite.tests.filter((t) => numbers.includes(t.number)) : undefined;
  return [...(await runSmokeTests(suite, settings, nodeEnvironment(options), { tests, signal })).results];
}

const byNumber = (results: readonly SmokeResult[], number: string) =>
  results.find((r) => r.number === number) ?? assert.fail(`no result ${number}`);
const codes = (result: SmokeResult) => result.reasons.map((r) => r.code);

/** A one-item checklist around a shell block. */
function checklist(body: string): string {
  return `# Entregables\n\n## 🔴 BLOQUERS\n\n### 1. Smoke\n\n**Estado**: ⏳ Pendiente\n\n\`\`\`bash\n${body}\n\`\`\`\n`;
}

describe('running the sample against the staging stand-in', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer()));
  after(() => server.close());

  test('all seven pass, the session id flowing from test 2 to the later ones', async () => {
    const results = await run(smokeTestsOf(sampleText()), settingsFor(server.url));
    assert.deepEqual(
      results.map((r) => [r.number, r.outcome, r.status]),
      [1, 2, 3, 4, 5, 6, 7].map((n) => [String(n), 'passed', 200]),
    );
    const greeting = byNumber(results, '2');
    const sid = greeting.evidence?.captures['sessionid'] ?? assert.fail('test 2 captures the session id');
    assert.match(sid, /^sess_\d+$/);
    const seen = server.requests.slice(-7);
    assert.deepEqual(
      seen.map((r) => `${r.method} ${r.url.split('?')[0] ?? ''}`),
      [
        'GET /api/health',
        'POST /api/greeting',
        'POST /api/session/validate',
        'POST /api/chat',
        'POST /api/upload-image',
        'POST /api/whatsapp-ticket',
        'GET /api/logs',
      ],
    );
    assert.equal(seen[2]?.body.toString(), `{"sessionId":"${sid}"}`);
    assert.equal(seen[4]?.headers['x-session-id'], sid);
    assert.match(String(seen[4]?.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.ok(results.every((r) => r.elapsedMs !== undefined && r.elapsedMs >= 0));
    assert.deepEqual(byNumber(results, '5').evidence?.outputLines.slice(0, 3), [
      '{',
      '  "ok": true,',
      `  "sessionId": "${sid}",`,
    ]);
  });

  test('a value filled in the document stands in for one not captured in this run', async () => {
    const sid =
      (await run(smokeTestsOf(sampleText()), settingsFor(server.url), {}, ['2']))[0]?.evidence?.captures['sessionid'] ??
      assert.fail('a session');
    const filled = sampleText().replace('SessionId obtenido: [PEGAR SESSION ID]', `SessionId obtenido: ${sid}`);
    const [validate] = await run(smokeTestsOf(filled), settingsFor(server.url), {}, ['3']);
    assert.equal(validate?.outcome, 'passed');
    assert.equal(server.requests.at(-1)?.body.toString(), `{"sessionId":"${sid}"}`);
  });

  test('without it, a test that needs <sid> fails without sending anything', async () => {
    const sent = server.requests.length;
    const [validate] = await run(smokeTestsOf(sampleText()), settingsFor(server.url), {}, ['3']);
    assert.equal(validate?.outcome, 'failed');
    assert.deepEqual(validate?.reasons, [{ code: 'missing-variable', name: 'sid' }]);
    assert.equal(validate?.evidence?.sent, false);
    assert.equal(server.requests.length, sent);
  });

  test('a secret with no value: the test is not run and nothing is sent', async () => {
    const sent = server.requests.length;
    const [logs] = await run(smokeTestsOf(sampleText()), settingsFor(server.url), { secrets: {} }, ['7']);
    assert.equal(logs?.outcome, 'not-run');
    assert.deepEqual(logs?.reasons, [{ code: 'missing-secret', name: 'LOG_TOKEN' }]);
    assert.equal(logs?.evidence, undefined);
    assert.equal(server.requests.length, sent);
  });

  test('no base URL: nothing goes to the placeholder host', async () => {
    const results = await run(smokeTestsOf(sampleText()), settingsFor(undefined), {}, ['1']);
    assert.deepEqual(results[0]?.reasons, [{ code: 'no-base-url', host: 'staging-host' }]);
    assert.equal(results[0]?.outcome, 'not-run');
  });

  test('a command that is not runnable here is reported, not run', async () => {
    const [metrics] = await run(
      smokeTestsOf(checklist("curl -sS http://staging-host/api/metrics | sed -n '/latency/p'")),
      settingsFor(server.url),
    );
    assert.equal(metrics?.outcome, 'not-run');
    assert.deepEqual(metrics?.reasons, [
      { code: 'not-runnable', problem: { code: 'unsupported-pipe', program: 'sed' } },
    ]);
    assert.equal(server.requests.filter((r) => r.url === '/api/metrics').length, 0);
  });

  test('the observer sees each test start, its request with secrets masked, and its result', async () => {
    const events: string[] = [];
    await runSmokeTests(
      smokeTestsOf(sampleText()),
      settingsFor(server.url),
      nodeEnvironment({
        observer: {
          testStarted: (t, p) => events.push(`start ${t.number} ${p.index + 1}/${p.total}`),
          requestSent: (_t, r) => events.push(`${r.method} ${r.url}`),
          testFinished: (r) => events.push(`${r.outcome} ${r.number}`),
        },
      }),
      { tests: smokeTestsOf(sampleText()).tests.filter((t) => t.number === '1' || t.number === '7') },
    );
    assert.deepEqual(events, [
      'start 1 1/2',
      `GET ${server.url}/api/health`,
      'passed 1',
      'start 7 2/2',
      `GET ${server.url}/api/logs?token=***`,
      'passed 7',
    ]);
  });
});

describe('each way a smoke test fails', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer({ failing: ['/api/whatsapp-ticket'] })));
  after(() => server.close());

  test('4xx: the status is the reason, and the evidence starts with the status line', async () => {
    const [logs] = await run(
      smokeTestsOf(sampleText()),
      settingsFor(server.url),
      { secrets: { LOG_TOKEN: 'wrong-token' } },
      ['7'],
    );
    assert.equal(logs?.outcome, 'failed');
    assert.deepEqual(logs?.reasons, [{ code: 'http-status', status: 401, statusText: 'Unauthorized' }]);
    assert.deepEqual(logs?.evidence?.outputLines, ['HTTP 401 Unauthorized', '{"error":"invalid token"}']);
  });

  test('5xx', async () => {
    const results = await run(smokeTestsOf(sampleText()), settingsFor(server.url), {}, ['2', '6']);
    assert.deepEqual(codes(byNumber(results, '6')), ['http-status']);
    assert.equal(byNumber(results, '6').status, 500);
    assert.deepEqual(byNumber(results, '6').evidence?.outputLines.slice(0, 2), ['HTTP 500 Internal Server Error', '{']);
  });

  test('timeout: a request held at the server past the timeout', async () => {
    const held = server.hold('/api/health');
    const [health] = await run(smokeTestsOf(sampleText()), settingsFor(server.url, { timeoutMs: 150 }), {}, ['1']);
    await held.arrived;
    held.release();
    assert.equal(health?.outcome, 'failed');
    assert.deepEqual(health?.reasons, [{ code: 'timeout', timeoutMs: 150 }]);
    assert.deepEqual(health?.evidence?.outputLines, [
      '(sin respuesta: sin respuesta en 0.15 s (tiempo de espera agotado))',
    ]);
    assert.ok((health?.elapsedMs ?? 0) >= 140);
  });

  test('-m/--max-time overrides the configured timeout', async () => {
    const held = server.hold('/api/health');
    const suite = smokeTestsOf(checklist('$ curl -m 0.1 http://staging-host/api/health'));
    const [health] = await run(suite, settingsFor(server.url, { timeoutMs: 60_000 }));
    await held.arrived;
    held.release();
    assert.deepEqual(health?.reasons, [{ code: 'timeout', timeoutMs: 100 }]);
  });

  test('connection refused', async () => {
    const port = await closedPort();
    const [health] = await run(smokeTestsOf(sampleText()), settingsFor(`http://127.0.0.1:${port}`), {}, ['1']);
    assert.deepEqual(health?.reasons, [{ code: 'refused', host: `127.0.0.1:${port}` }]);
    assert.equal(health?.outcome, 'failed');
  });

  test('DNS failure on an unresolvable host', async () => {
    const [health] = await run(smokeTestsOf(sampleText()), settingsFor('http://readiness-smoke-test.invalid'), {}, [
      '1',
    ]);
    assert.deepEqual(health?.reasons, [{ code: 'dns', host: 'readiness-smoke-test.invalid' }]);
  });

  test('missing upload file: failed, nothing sent, no response time', async () => {
    const sent = server.requests.length;
    const results = await run(smokeTestsOf(sampleText()), settingsFor(server.url), { files: memoryFiles({}) }, [
      '2',
      '5',
    ]);
    const upload = byNumber(results, '5');
    assert.equal(upload.outcome, 'failed');
    assert.deepEqual(upload.reasons, [{ code: 'missing-file', path: './test/fixture.jpg' }]);
    assert.equal(upload.elapsedMs, undefined);
    assert.deepEqual(upload.evidence?.outputLines, [
      '(no se envió la solicitud: no existe el archivo a subir ./test/fixture.jpg)',
    ]);
    assert.equal(server.requests.length, sent + 1);
  });

  test('an upload path outside the workspace folder is refused', async () => {
    const suite = smokeTestsOf(checklist('$ curl -F "f=@../../../etc/passwd" http://staging-host/api/upload-image'));
    const [upload] = await run(suite, settingsFor(server.url));
    assert.deepEqual(upload?.reasons, [{ code: 'file-outside-workspace', path: '../../../etc/passwd' }]);
  });

  test('a time criterion missed (every request takes 2.5 s on this clock)', async () => {
    const results = await run(smokeTestsOf(sampleText()), settingsFor(server.url), { clock: steppingClock(2500) }, [
      '1',
      '2',
      '4',
    ]);
    assert.equal(byNumber(results, '1').outcome, 'passed');
    const chat = byNumber(results, '4');
    assert.equal(chat.outcome, 'failed');
    assert.deepEqual(chat.reasons, [{ code: 'criterion-missed', elapsedMs: 2500, limitMs: 2000, criterion: '<2s' }]);
    assert.equal(chat.evidence?.failure, 'tardó 2.5 s; el criterio es <2s');
  });

  test('| jq on a body that is not JSON fails as the pipeline would', async () => {
    const suite = smokeTestsOf(checklist('$ curl "http://staging-host/api/logs?token=<LOG_TOKEN>" | jq'));
    const [logs] = await run(suite, settingsFor(server.url));
    assert.deepEqual(codes(logs ?? assert.fail()), ['not-json']);
  });

  test('redirects: followed with -L, a failure without it', async () => {
    const suite = smokeTestsOf(
      checklist(
        '$ curl -L "http://staging-host/redirect?to=/api/health"\n\n$ curl "http://staging-host/redirect?to=/api/health"',
      ),
    );
    const [followed, stopped] = await run(suite, settingsFor(server.url));
    assert.equal(followed?.outcome, 'passed');
    assert.deepEqual(stopped?.reasons, [{ code: 'redirect-not-followed', status: 302 }]);
  });

  test('cancelling stops the request in flight and the tests after it', async () => {
    const held = server.hold('/api/chat');
    const controller = new AbortController();
    const running = run(smokeTestsOf(sampleText()), settingsFor(server.url), {}, undefined, controller.signal);
    await held.arrived;
    controller.abort();
    const results = await running;
    held.release();
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['passed', 'passed', 'passed', 'cancelled', 'cancelled', 'cancelled', 'cancelled'],
    );
    assert.equal(byNumber(results, '4').evidence, undefined);
  });
});

describe('curl -k', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer({ tls })));
  after(() => server.close());
  const suite = () =>
    smokeTestsOf(
      checklist(
        '$ curl -k -sS https://staging-host/api/health | jq\n\n$ curl -sS https://staging-host/api/health | jq',
      ),
    );

  test('is ignored without the setting: the self-signed certificate fails, and the reason says why', async () => {
    const [insecure] = await run(suite(), settingsFor(server.url));
    assert.equal(insecure?.outcome, 'failed');
    assert.equal(insecure?.reasons[0]?.code, 'tls');
    assert.match(insecure?.evidence?.failure ?? '', /-k se ignora sin readiness\.smoke\.allowInsecureTls/);
  });

  test('is honoured with allowInsecureTls, for the commands that use it', async () => {
    const [insecure, checked] = await run(suite(), settingsFor(server.url, { allowInsecureTls: true }));
    assert.equal(insecure?.outcome, 'passed');
    assert.deepEqual(insecure?.evidence?.outputLines.slice(0, 2), ['{', '  "status": "ok",']);
    assert.equal(checked?.outcome, 'failed');
    assert.deepEqual(
      checked?.reasons.map((r) => r.code),
      ['tls'],
    );
  });
});

describe('a variable for the server where the host goes', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer()));
  after(() => server.close());

  const doc = `# Release checklist — API

### 1. Health
**Status**: Pending

\`\`\`bash
curl -fsS "$BASE_URL/api/health"
curl -s \${API_HOST}/api/health
curl -s {{baseUrl}}/api/health
\`\`\`
`;

  test('$BASE_URL, ${API_HOST} and {{baseUrl}} go to the base URL; no secret is read for them', async () => {
    const asked: string[] = [];
    const environment = {
      ...nodeEnvironment(),
      secrets: { get: (name: string) => (asked.push(name), Promise.resolve(undefined)) },
    };
    const suite = smokeTestsOf(doc);
    const results = [...(await runSmokeTests(suite, settingsFor(server.url), environment)).results];
    assert.deepEqual(
      results.map((r) => [r.number, r.outcome, r.status]),
      [
        ['1', 'passed', 200],
        ['2', 'passed', 200],
        ['3', 'passed', 200],
      ],
    );
    assert.deepEqual(asked, []);
    assert.deepEqual(
      server.requests.slice(-3).map((r) => r.url),
      ['/api/health', '/api/health', '/api/health'],
    );
  });

  test('without a base URL they are not run, for want of one', async () => {
    const results = await run(smokeTestsOf(doc), settingsFor(undefined));
    assert.deepEqual(
      results.map((r) => [r.outcome, codes(r)]),
      [1, 2, 3].map(() => ['not-run', ['no-base-url']]),
    );
  });

  test('beside a document that names its staging host, a $BASE_URL test goes to the base URL too', async () => {
    const mixed = checklist(
      [
        'curl -s http://staging.example.test/api/health',
        'curl -s http://staging.example.test/api/health',
        'curl -s "$BASE_URL/api/health"',
      ].join('\n'),
    );
    const suite = smokeTestsOf(mixed);
    assert.equal(suite.stagingHost, 'staging.example.test');
    const results = await run(suite, settingsFor(server.url));
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['passed', 'passed', 'passed'],
    );
  });
});

describe('| grep over real HTTP', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer()));
  after(() => server.close());

  test('a line that matches passes and is the output; none fails the test with the pattern as the reason', async () => {
    const suite = smokeTestsOf(
      checklist(
        [
          `curl -s http://staging-host/api/health | grep -o '"status"' | head -n 1`,
          `curl -s http://staging-host/api/health | grep -i 'STAGING-STAND-IN'`,
          `curl -s http://staging-host/api/health | grep -q '"status":"down"'`,
        ].join('\n'),
      ),
    );
    const results = await run(suite, settingsFor(server.url));
    assert.deepEqual(
      results.map((r) => [r.outcome, codes(r)]),
      [
        ['not-run', ['not-runnable']],
        ['passed', []],
        ['failed', ['grep-no-match']],
      ],
    );
    assert.match(byNumber(results, '2').evidence?.outputLines.join('\n') ?? '', /staging-stand-in/);
    assert.deepEqual(byNumber(results, '3').reasons, [{ code: 'grep-no-match', detail: '"status":"down"' }]);
    assert.match(byNumber(results, '3').evidence?.failure ?? '', /\| grep "status":"down"/);
  });
});
