// Redirects as curl follows them (without --location-trusted), over real loopback
// servers on two hosts: 127.0.0.1 stands for staging, 127.0.0.2 (and another port of
// 127.0.0.1) for other origins. Credentials never follow a redirect to another origin,
// and neither does a request body or an uploaded file.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  defaultSmokeSettings,
  runSmokeTests,
  smokeTestsOf,
  type ForeignHostRequest,
  type SmokeResult,
  type SmokeSettings,
} from '../../server/src/core/smoke';
import { memoryFiles, nodeEnvironment } from '../staging-server/testing';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer';

const PASSWORD = 'hunter2-Zq8vLx';
const BEARER = 'bearer-Qm3nR7tY9wX2';
const COOKIE = 'session=ck-Vb5nM1kP';
const API_KEY = 'apikey-Hj4kL8pZ';
const FILE_CONTENT = 'file-content-Tr6yU0iO';

function checklist(command: string): string {
  return `# Deliverables\n\n## 🔴 BLOCKERS\n\n### 1. Smoke\n\n**Status**: ⏳ Pending\n\n\`\`\`bash\n# SMOKE TEST 1: redirect\n$ ${command}\n\`\`\`\n`;
}

describe('redirects to another origin', () => {
  let staging: RecordingServer;
  let otherHost: RecordingServer;
  let otherPort: RecordingServer;
  before(async () => {
    staging = await startRecordingServer('127.0.0.1');
    otherHost = await startRecordingServer('127.0.0.2');
    otherPort = await startRecordingServer('127.0.0.1');
  });
  after(async () => {
    await Promise.all([staging.close(), otherHost.close(), otherPort.close()]);
  });

  const settings = (extra: Partial<SmokeSettings> = {}): SmokeSettings => ({
    ...defaultSmokeSettings,
    baseUrl: staging.url,
    ...extra,
  });
  const last = (results: readonly SmokeResult[]) => results.at(-1) ?? assert.fail('no result');
  const redirectTo = (status: number, target: RecordingServer, path = '/landed') =>
    `http://staging-host/redirect/${status}?to=${encodeURIComponent(target.url + path)}`;

  async function run(command: string, options: { confirm?: boolean; allowedHosts?: string[] } = {}) {
    const asked: ForeignHostRequest[] = [];
    const env = nodeEnvironment({
      files: memoryFiles({ 'payload.json': FILE_CONTENT, 'photo.jpg': FILE_CONTENT }),
      secrets: {},
      confirmForeignHost:
        options.confirm === undefined ? undefined : (r) => (asked.push(r), Promise.resolve(options.confirm === true)),
    });
    const result = last(
      (
        await runSmokeTests(
          smokeTestsOf(checklist(command)),
          settings({ allowedHosts: options.allowedHosts ?? [] }),
          env,
        )
      ).results,
    );
    return { result, asked };
  }

  for (const [name, target] of [
    ['another host', () => otherHost],
    ['another port of the same host', () => otherPort],
  ] as const) {
    test(`to ${name}: Authorization, Cookie and secret-named headers are dropped; the confirmation lists header names only`, async () => {
      const before = target().requests.length;
      const { result, asked } = await run(
        `curl -sS -L -H "Authorization: Bearer ${BEARER}" -H "Cookie: ${COOKIE}" -H "X-Api-Key: ${API_KEY}" -H "X-Trace: t1" "${redirectTo(302, target())}"`,
        { confirm: true },
      );
      assert.equal(result.outcome, 'passed');
      // Staging got them all; the other origin got none.
      const first = staging.requests.at(-1);
      assert.equal(first?.headers.authorization, `Bearer ${BEARER}`);
      assert.equal(first?.headers.cookie, COOKIE);
      const landed = target().requests.slice(before);
      assert.equal(landed.length, 1);
      assert.equal(landed[0]?.headers['x-trace'], 't1');
      for (const value of [BEARER, COOKIE, API_KEY])
        assert.ok(!target().everything().includes(value), `${value} reached ${name}`);
      assert.equal(asked.length, 1);
      const question = asked[0];
      assert.equal(question?.method, 'GET');
      assert.equal(question?.url, `${target().url}/landed`);
      assert.match(question?.redirectedFrom ?? '', /\/redirect\/302\?to=/);
      assert.deepEqual(
        question?.headers.map((h) => h.toLowerCase()),
        ['x-trace', 'user-agent', 'accept', 'accept-encoding'],
      );
      assert.equal(question?.body, false);
      assert.deepEqual(question?.files, []);
      assert.ok(!JSON.stringify(asked).includes(BEARER) && !JSON.stringify(asked).includes(API_KEY));
    });
  }

  test('-u user:password is not sent on to another host (curl without --location-trusted)', async () => {
    const before = otherHost.requests.length;
    const { result } = await run(`curl -sS -L -u admin:${PASSWORD} "${redirectTo(301, otherHost)}"`, {
      allowedHosts: [otherHost.host],
    });
    assert.equal(result.outcome, 'passed');
    assert.equal(staging.requests.at(-1)?.headers.authorization, `Basic ${btoa(`admin:${PASSWORD}`)}`);
    assert.equal(otherHost.requests.length, before + 1);
    assert.equal(otherHost.requests.at(-1)?.headers.authorization, undefined);
    assert.ok(!otherHost.everything().includes(btoa(`admin:${PASSWORD}`)));
  });

  test('a redirect back to the same origin keeps the credentials', async () => {
    const { result } = await run(`curl -sS -L -u admin:${PASSWORD} "${redirectTo(302, staging)}"`);
    assert.equal(result.outcome, 'passed');
    assert.equal(staging.requests.at(-1)?.url, '/landed');
    assert.equal(staging.requests.at(-1)?.headers.authorization, `Basic ${btoa(`admin:${PASSWORD}`)}`);
  });

  for (const status of [301, 302, 303]) {
    test(`a POST answered ${status}: the next hop is a GET without the body or the file`, async () => {
      const before = otherHost.requests.length;
      const { result, asked } = await run(`curl -sS -L -X POST -d @payload.json "${redirectTo(status, otherHost)}"`, {
        confirm: true,
      });
      assert.equal(result.outcome, 'passed');
      assert.equal(staging.requests.at(-1)?.body, FILE_CONTENT);
      const landed = otherHost.requests.at(-1);
      assert.equal(otherHost.requests.length, before + 1);
      assert.equal(landed?.method, 'GET');
      assert.equal(landed?.body, '');
      assert.equal(landed?.headers['content-type'], undefined);
      assert.deepEqual([asked[0]?.method, asked[0]?.body, asked[0]?.files], ['GET', false, []]);
    });
  }

  for (const [status, command] of [
    [307, `curl -sS -L -d @payload.json`],
    [308, `curl -sS -L -F image=@photo.jpg`],
    [301, `curl -sS -L -X PUT --data-binary @payload.json`],
  ] as const) {
    test(`${command.split(' ').slice(3).join(' ')} answered ${status} to another host: the body is not sent there, the run says why`, async () => {
      const before = otherHost.requests.length;
      const { result, asked } = await run(`${command} "${redirectTo(status, otherHost)}"`, {
        confirm: true,
        allowedHosts: [],
      });
      assert.equal(result.outcome, 'failed');
      assert.equal(result.reasons[0]?.code, 'redirect-body-not-resent');
      assert.match(
        result.evidence?.failure ?? '',
        new RegExp(
          `HTTP ${status}: redirect to another host \\(${otherHost.host.replace('.', '\\.')}\\); the (POST|PUT) body is not sent there again`,
        ),
      );
      assert.equal(otherHost.requests.length, before);
      assert.deepEqual(asked, []);
      assert.ok(staging.requests.at(-1)?.body.includes(FILE_CONTENT));
    });
  }

  test('a 307 to the same origin re-sends the body, as curl does', async () => {
    const { result } = await run(`curl -sS -L -d @payload.json "${redirectTo(307, staging)}"`);
    assert.equal(result.outcome, 'passed');
    assert.deepEqual(
      [staging.requests.at(-1)?.method, staging.requests.at(-1)?.url, staging.requests.at(-1)?.body],
      ['POST', '/landed', FILE_CONTENT],
    );
  });

  test('the confirmation of a first request to another host lists its header names, its body and its files', async () => {
    // The first command makes staging-host the document's staging host.
    const { asked } = await run(
      `curl -sS http://staging-host/health\n$ curl -sS -H "Authorization: Bearer ${BEARER}" -F image=@photo.jpg "${otherHost.url}/upload"`,
      { confirm: false },
    );
    assert.equal(asked.length, 1);
    assert.deepEqual(
      [asked[0]?.method, asked[0]?.body, asked[0]?.files, asked[0]?.redirectedFrom],
      ['POST', true, ['photo.jpg'], undefined],
    );
    assert.ok(asked[0]?.headers.includes('Authorization'));
    assert.ok(!JSON.stringify(asked).includes(BEARER));
  });
});
