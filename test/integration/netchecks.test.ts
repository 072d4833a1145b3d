// Smoke checks beyond curl, run by the core through the Node TCP adapter against in-process loopback
// servers: redis-cli (PING, INFO server, CONFIG GET, AUTH with a right and a wrong password), nc and
// telnet reachability, a refused port, a timeout on the clock port, the host policy; and wget and
// httpie commands, which take curl's HTTP path to the staging stand-in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  defaultSmokeSettings,
  runSmokeTests,
  smokeTestsOf,
  type Clock,
  type SmokeResult,
} from '../../server/src/core/smoke';
import { createTcpClient } from '../../server/src/node/tcpClient';
import { startStagingServer, type StagingServer } from '../staging-server/server';
import { closedPort, nodeEnvironment } from '../staging-server/testing';
import { startRespServer, type RespServer } from '../support/respServer';

const PASSWORD = 'r3dis-Pa55word-for-tests';

/** A checklist of one item whose shell block holds these commands, each after its banner. */
function checklist(commands: readonly string[], extra = ''): string {
  const blocks = commands
    .map((command, i) => `# SMOKE TEST ${i + 1}\n$ ${command}\n[PASTE OUTPUT HERE]\nStatus: [✅ PASSED / ❌ FAILED]\n`)
    .join('\n');
  return `# Release checklist\n\n### 1. Redis and endpoints\n\n**Status**: Pending\n**Owner**: SRE\n**Deadline**: Today\n${extra}\n\`\`\`bash\n${blocks}\`\`\`\n`;
}

/** A clock that reads 0 and fires its timers only when told: timeouts without waiting. */
function manualClock(): Clock & { fire(): void } {
  const timers = new Set<() => void>();
  return {
    now: () => 0,
    setTimer: (_ms, callback) => {
      timers.add(callback);
      return () => timers.delete(callback);
    },
    fire: () => {
      for (const callback of [...timers]) callback();
    },
  };
}

describe('smoke checks over TCP and HTTP beyond curl', () => {
  let redis: RespServer;
  let staging: StagingServer;
  const tcp = createTcpClient();
  const hostQuestions: string[] = [];

  before(async () => {
    redis = await startRespServer({ password: PASSWORD });
    staging = await startStagingServer();
  });
  after(async () => {
    await redis.close();
    await staging.close();
  });

  const run = async (
    text: string,
    options: { secrets?: Record<string, string>; clock?: Clock; confirm?: boolean; signal?: AbortSignal } = {},
  ): Promise<readonly SmokeResult[]> => {
    const suite = smokeTestsOf(text);
    const settings = { ...defaultSmokeSettings, baseUrl: staging.url };
    const environment = {
      ...nodeEnvironment({ secrets: options.secrets ?? {}, ...(options.clock ? { clock: options.clock } : {}) }),
      tcp,
      confirmForeignHost: (request: { host: string }) => {
        hostQuestions.push(request.host);
        return Promise.resolve(options.confirm ?? false);
      },
    };
    return (await runSmokeTests(suite, settings, environment, { signal: options.signal })).results;
  };

  test('redis-cli with the password from secret storage: PING, INFO server, CONFIG GET; output as redis-cli prints it', async () => {
    const results = await run(
      checklist([
        `redis-cli -h 127.0.0.1 -p ${redis.port} -a <REDIS_PASSWORD> ping`,
        `redis-cli -h 127.0.0.1 -p ${redis.port} -a <REDIS_PASSWORD> info server`,
        `redis-cli -h 127.0.0.1 -p ${redis.port} -a <REDIS_PASSWORD> config get maxmemory-policy`,
      ]),
      { secrets: { REDIS_PASSWORD: PASSWORD } },
    );
    assert.deepEqual(
      results.map((r) => [r.method, r.path, r.outcome]),
      [
        ['REDIS', 'PING', 'passed'],
        ['REDIS', 'INFO server', 'passed'],
        ['REDIS', 'CONFIG get maxmemory-policy', 'passed'],
      ],
    );
    assert.deepEqual(results[0]?.evidence?.outputLines, ['PONG']);
    assert.ok(results[1]?.evidence?.outputLines.includes('redis_version:7.2.4'));
    assert.deepEqual(results[2]?.evidence?.outputLines, ['1) "maxmemory-policy"', '2) "allkeys-lru"']);
    assert.deepEqual(results[0]?.request, { method: 'REDIS', url: `redis://127.0.0.1:${redis.port}` });
    // AUTH carried the password to the server; nothing the run returns holds it.
    assert.deepEqual(
      redis.commands.find((c) => c[0] === 'AUTH'),
      ['AUTH', PASSWORD],
    );
    assert.doesNotMatch(JSON.stringify(results), new RegExp(PASSWORD));
  });

  test("a wrong password is a clear failure, and neither a secret's nor a literal password is echoed", async () => {
    const results = await run(
      checklist([
        `redis-cli -h 127.0.0.1 -p ${redis.port} -a <REDIS_PASSWORD> ping`,
        `redis-cli -p ${redis.port} -h 127.0.0.1 -a literal-wrong-Pa55 ping`,
        `redis-cli -h 127.0.0.1 -p ${redis.port} ping`,
      ]),
      { secrets: { REDIS_PASSWORD: 'not-the-password-123' } },
    );
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['failed', 'failed', 'failed'],
    );
    assert.deepEqual(results[0]?.reasons, [
      { code: 'redis-auth', detail: 'WRONGPASS invalid username-password pair or user is disabled.' },
    ]);
    assert.equal(
      results[0]?.evidence?.failure,
      'Redis refused the password: WRONGPASS invalid username-password pair or user is disabled.',
    );
    assert.equal(results[1]?.reasons[0]?.code, 'redis-auth');
    // Without -a the server says NOAUTH: a password is needed.
    assert.deepEqual(results[2]?.reasons, [{ code: 'redis-auth', detail: 'NOAUTH Authentication required.' }]);
    // What is printed, pasted or sent to the client (the identity is the document's own command, kept in memory).
    const printed = JSON.stringify(results.map(({ reasons, evidence, request }) => ({ reasons, evidence, request })));
    assert.doesNotMatch(printed, /not-the-password-123|literal-wrong-Pa55/);
  });

  test('a server that echoes the password it got: the echo is masked in the reason and the pasted output', async () => {
    const hostile = await startRespServer({ password: PASSWORD, echoPassword: true });
    try {
      const results = await run(
        checklist([
          `redis-cli -h 127.0.0.1 -p ${hostile.port} -a <REDIS_PASSWORD> ping`,
          `redis-cli -h 127.0.0.1 -p ${hostile.port} -a Literal-Echoed-Pa55 ping`,
        ]),
        { secrets: { REDIS_PASSWORD: 'Secret-Echoed-Pa55' } },
      );
      assert.deepEqual(
        results.map((r) => r.reasons[0]?.code),
        ['redis-auth', 'redis-auth'],
      );
      const printed = JSON.stringify(results.map(({ reasons, evidence, request }) => ({ reasons, evidence, request })));
      assert.doesNotMatch(printed, /Secret-Echoed-Pa55|Literal-Echoed-Pa55/);
      assert.match(results[0]?.evidence?.outputLines[0] ?? '', /^\(error\) ERR wrong password '.+'$/);
    } finally {
      await hostile.close();
    }
  });

  test('nc -z and telnet reach an open port; a refused port fails with a reason', async () => {
    const refused = await closedPort();
    const results = await run(
      checklist([
        `nc -zv 127.0.0.1 ${redis.port}`,
        `telnet 127.0.0.1 ${redis.port}`,
        `nc -z -w 2 127.0.0.1 ${refused}`,
        `telnet 127.0.0.1 ${refused}`,
      ]),
    );
    assert.deepEqual(
      results.map((r) => [r.method, r.outcome]),
      [
        ['TCP', 'passed'],
        ['TCP', 'passed'],
        ['TCP', 'failed'],
        ['TCP', 'failed'],
      ],
    );
    assert.deepEqual(results[0]?.evidence?.outputLines, [`Connection to 127.0.0.1 port ${redis.port} succeeded`]);
    assert.deepEqual(results[2]?.reasons, [{ code: 'refused', host: `127.0.0.1:${refused}` }]);
  });

  test('a server that never answers times out on the clock port', async () => {
    const silent = await startRespServer({ silent: true });
    try {
      const clock = manualClock();
      const running = run(checklist([`redis-cli -h 127.0.0.1 -p ${silent.port} ping`]), { clock });
      await silent.connected;
      clock.fire();
      const [result] = await running;
      assert.equal(result?.outcome, 'failed');
      assert.deepEqual(result?.reasons, [{ code: 'timeout', timeoutMs: defaultSmokeSettings.timeoutMs }]);
    } finally {
      await silent.close();
    }
  });

  test('host policy as for curl: a foreign host is asked about, never sent a password; other commands are not run; a blank target is no test yet', async () => {
    hostQuestions.length = 0;
    const text = checklist([
      `redis-cli -h localhost -p ${redis.port} -a <REDIS_PASSWORD> ping`,
      `nc -z localhost ${redis.port}`,
      'redis-cli -h 127.0.0.1 -p 99999 ping',
      'redis-cli -h 127.0.0.1 flushall',
      'nc 127.0.0.1 6379',
      'redis-cli -h [host] -p [port] ping',
      'telnet [host] 6379',
    ]);
    assert.equal(smokeTestsOf(text).tests.length, 5);
    const results = await run(text, { secrets: { REDIS_PASSWORD: PASSWORD } });
    assert.deepEqual(
      results.map((r) => [r.outcome, r.reasons[0]?.code]),
      [
        ['not-run', 'foreign-host-secret'],
        ['not-run', 'foreign-host-refused'],
        ['not-run', 'not-runnable'],
        ['not-run', 'not-runnable'],
        ['not-run', 'not-runnable'],
      ],
    );
    // Only the request without a password was proposed to the user.
    assert.deepEqual(hostQuestions, [`localhost:${redis.port}`]);
  });

  test("wget -qO- and httpie's http GET go the curl way, against the staging stand-in", async () => {
    const results = await run(
      checklist([
        'wget -qO- http://staging-host/api/health',
        'http GET http://staging-host/api/health',
        'http POST http://staging-host/api/greeting hello=world',
        'wget http://staging-host/api/health',
      ]),
    );
    assert.deepEqual(
      results.map((r) => [r.method, r.path, r.outcome]),
      [
        ['GET', '/api/health', 'passed'],
        ['GET', '/api/health', 'passed'],
        ['POST', '/api/greeting', 'passed'],
        ['?', '', 'not-run'],
      ],
    );
    const greeting = staging.requests.find((r) => r.url === '/api/greeting');
    assert.equal(greeting?.body.toString(), '{"hello":"world"}');
  });
});
