// Secrets: masked in everything a run produces, and never sent anywhere but
// the staging host and the allowed hosts. A second local server stands for a
// foreign host.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createRedactor,
  defaultSmokeSettings,
  evidenceEdits,
  resultLine,
  runSmokeTests,
  smokeTestsOf,
  type ForeignHostRequest,
  type SmokeResult,
  type SmokeSettings,
} from '../../server/src/core/smoke';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../staging-server/server';
import { nodeEnvironment } from '../staging-server/testing';
import { sampleText } from '../support/paths';

const LOGGED_KEY = 'sk-live-9f8e7d6c5b4a39281706abcdef';

function checklist(body: string): string {
  return `# Deliverables\n\n## 🔴 BLOCKERS\n\n### 1. Smoke\n\n**Status**: ⏳ Pending\n\n\`\`\`bash\n${body}\n\`\`\`\n`;
}

describe('redaction', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer({ loggedSecret: LOGGED_KEY })));
  after(() => server.close());

  test('the token and the logged key appear nowhere: results, evidence edits, report lines, observer', async () => {
    const suite = smokeTestsOf(sampleText());
    const printed: string[] = [];
    const run = await runSmokeTests(
      suite,
      { ...defaultSmokeSettings, baseUrl: server.url },
      nodeEnvironment({
        observer: {
          requestSent: (_t, r) => printed.push(r.url),
          testFinished: (r, { redact }) => printed.push(redact(resultLine(r, 'en'))),
        },
      }),
    );
    assert.ok(run.results.every((r) => r.outcome === 'passed'));
    const plan = evidenceEdits(suite, run.results);
    const everything = [JSON.stringify(run.results), JSON.stringify(plan), ...printed].join('\n');
    // The server did see (and log) both: the output had them before redaction.
    assert.ok(server.requests.some((r) => r.url.includes(DEFAULT_LOG_TOKEN)));
    assert.ok(!everything.includes(DEFAULT_LOG_TOKEN), 'the LOG_TOKEN value leaked');
    assert.ok(!everything.includes(LOGGED_KEY), 'the logged key leaked');
    assert.ok(!everything.includes('sk-live'), 'part of the logged key leaked');
    const logs = run.results.find((r) => r.number === '7')?.evidence?.outputLines ?? [];
    assert.ok(logs.some((l) => l.endsWith('DEBUG env OPENAI_API_KEY=***')));
    assert.ok(logs.some((l) => l.includes('GET /api/logs?token=*** 200')));
  });

  test('a token echoed back URL-encoded or JSON-escaped is masked too', () => {
    const secret = 'a b/"c"';
    const redact = createRedactor([secret]);
    assert.equal(
      redact(`raw ${secret} url ${encodeURIComponent(secret)} json ${JSON.stringify(secret)}`),
      'raw *** url *** json "***"',
    );
  });

  test('nested and overlapping detected spans leave nothing of the outer one visible', () => {
    const redact = createRedactor([], () => [
      { start: 5, end: 10 },
      { start: 0, end: 20 },
      { start: 22, end: 24 },
      { start: 23, end: 26 },
    ]);
    assert.equal(redact('abcdefghijklmnopqrstuvwxyz'), '***uv***');
  });

  test('the injected secret detector decides what else is masked', async () => {
    const suite = smokeTestsOf(sampleText());
    const detectSessions = (text: string) =>
      [...text.matchAll(/sess_\d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const env = { ...nodeEnvironment(), detectSecrets: detectSessions };
    const run = await runSmokeTests(suite, { ...defaultSmokeSettings, baseUrl: server.url }, env, {
      tests: suite.tests.slice(1, 3),
    });
    assert.deepEqual(
      run.results.map((r) => r.outcome),
      ['passed', 'passed'],
    );
    assert.equal(run.results[0]?.evidence?.captures['sessionid'], '***');
    assert.ok(!JSON.stringify(run.results).includes('sess_'));
    // The real value still flowed into the next request.
    assert.match(server.requests.at(-1)?.body.toString() ?? '', /"sessionId":"sess_\d+"/);
  });
});

describe('foreign hosts', () => {
  let staging: StagingServer;
  let foreign: StagingServer;
  before(async () => {
    staging = await startStagingServer();
    foreign = await startStagingServer();
  });
  after(async () => {
    await staging.close();
    await foreign.close();
  });

  /** Two tests on the staging host (so it is the document's staging host) and then `body`. */
  const suiteWith = (body: string) =>
    smokeTestsOf(
      checklist(
        `$ curl http://staging-host/api/health\n\n$ curl http://staging-host/api/health\n\n${body.replaceAll('FOREIGN', foreign.url)}`,
      ),
    );
  const settings = (extra: Partial<SmokeSettings> = {}): SmokeSettings => ({
    ...defaultSmokeSettings,
    baseUrl: staging.url,
    ...extra,
  });
  const last = (results: readonly SmokeResult[]) => results[results.length - 1] ?? assert.fail('no result');
  const foreignHost = () => new URL(foreign.url).host;

  test('a secret is never sent to a foreign host, even with a confirmation at hand', async () => {
    const asked: ForeignHostRequest[] = [];
    const suite = suiteWith('$ curl "FOREIGN/api/logs?token=<LOG_TOKEN>"');
    const run = await runSmokeTests(
      suite,
      settings(),
      nodeEnvironment({ confirmForeignHost: (r) => (asked.push(r), Promise.resolve(true)) }),
    );
    assert.equal(last(run.results).outcome, 'not-run');
    assert.deepEqual(last(run.results).reasons, [
      { code: 'foreign-host-secret', host: foreignHost(), secrets: ['LOG_TOKEN'] },
    ]);
    assert.deepEqual(asked, []);
    assert.equal(foreign.requests.length, 0);
  });

  test('without a confirmation callback (the CLI) a foreign host is refused', async () => {
    const run = await runSmokeTests(suiteWith('$ curl FOREIGN/api/health'), settings(), nodeEnvironment());
    assert.deepEqual(last(run.results).reasons, [{ code: 'foreign-host-refused', host: foreignHost() }]);
    assert.equal(foreign.requests.length, 0);
  });

  test('declined in the editor: refused; confirmed: sent, without secrets', async () => {
    const declined = await runSmokeTests(
      suiteWith('$ curl FOREIGN/api/health'),
      settings(),
      nodeEnvironment({ confirmForeignHost: () => Promise.resolve(false) }),
    );
    assert.equal(last(declined.results).outcome, 'not-run');
    assert.equal(foreign.requests.length, 0);
    const asked: ForeignHostRequest[] = [];
    const confirmed = await runSmokeTests(
      suiteWith('$ curl FOREIGN/api/health'),
      settings(),
      nodeEnvironment({ confirmForeignHost: (r) => (asked.push(r), Promise.resolve(true)) }),
    );
    assert.equal(last(confirmed.results).outcome, 'passed');
    assert.deepEqual(asked, [
      {
        testNumber: '3',
        host: foreignHost(),
        method: 'GET',
        url: `${foreign.url}/api/health`,
        headers: ['user-agent', 'accept', 'accept-encoding'],
        body: false,
        files: [],
      },
    ]);
    assert.equal(foreign.requests.length, 1);
    assert.ok(!JSON.stringify(foreign.requests[0]?.headers).includes(DEFAULT_LOG_TOKEN));
  });

  test('an allowed host receives requests and secrets without asking', async () => {
    const before = foreign.requests.length;
    const run = await runSmokeTests(
      suiteWith('$ curl "FOREIGN/api/logs?token=<LOG_TOKEN>"'),
      settings({ allowedHosts: [foreignHost()] }),
      nodeEnvironment(),
    );
    assert.equal(last(run.results).outcome, 'passed');
    assert.equal(foreign.requests.length, before + 1);
  });

  test('a redirect from staging to a foreign host does not carry a secret there', async () => {
    const before = foreign.requests.length;
    const suite = suiteWith(
      '$ curl -L -H "X-Log-Token: <LOG_TOKEN>" "http://staging-host/redirect?to=FOREIGN/api/health"',
    );
    const run = await runSmokeTests(
      suite,
      settings(),
      nodeEnvironment({ confirmForeignHost: () => Promise.resolve(true) }),
    );
    assert.equal(last(run.results).outcome, 'failed');
    assert.deepEqual(last(run.results).reasons, [
      { code: 'foreign-host-secret', host: foreignHost(), secrets: ['LOG_TOKEN'] },
    ]);
    assert.equal(foreign.requests.length, before);
  });
});
