import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { smokeTestAt, smokeTestsOf, type SmokeSuite, type SmokeTest } from '../../server/src/core/smoke';
import { escapeOutputLine, classifyLine } from '../../server/src/core/smoke/layout';
import { range } from '../../server/src/core/types';
import { readFixture, sampleText } from '../support/texts';

const english = () => readFixture('smoke', 'DELIVERABLES.md');

function testNumbered(suite: SmokeSuite, number: string): SmokeTest {
  return suite.tests.find((t) => t.number === number) ?? assert.fail(`no test ${number}`);
}

/** A checklist with one item whose shell block is `body`. */
function checklist(body: string, lang = 'bash'): string {
  return `# Deliverables\n\n## 🔴 BLOCKERS\n\n### 1. Smoke tests\n\n**Status**: ⏳ Pending\n\n\`\`\`${lang}\n${body}\n\`\`\`\n`;
}

describe('recognising the smoke tests of the sample', () => {
  const suite = smokeTestsOf(sampleText());

  test('seven tests in item 3, numbered by their banners, on the staging host', () => {
    assert.deepEqual(
      suite.tests.map((t) => [t.number, t.method, t.path, t.itemId, t.parsed.ok]),
      [
        ['1', 'GET', '/api/health', '3', true],
        ['2', 'POST', '/api/greeting', '3', true],
        ['3', 'POST', '/api/session/validate', '3', true],
        ['4', 'POST', '/api/chat', '3', true],
        ['5', 'POST', '/api/upload-image', '3', true],
        ['6', 'POST', '/api/whatsapp-ticket', '3', true],
        ['7', 'GET', '/api/logs', '3', true],
      ],
    );
    assert.equal(suite.stagingHost, 'staging-host');
    assert.equal(suite.language, 'es');
    assert.equal(suite.eol, '\n');
    assert.equal(suite.forbidsServerErrors, true);
  });

  test('continuation lines are joined into one command, the prompt and `time` dropped', () => {
    const chat = testNumbered(suite, '4');
    assert.equal(
      chat.command,
      `time curl -sS -X POST "http://staging-host/api/chat"   -H "Content-Type: application/json"   -d '{"sessionId":"<sid>","message":"hola"}' | jq`,
    );
    assert.deepEqual(
      chat.commandRange,
      range(117, 0, 119, `  -d '{"sessionId":"<sid>","message":"hola"}' | jq`.length),
    );
    assert.equal(chat.bannerLine, 115);
    const parsed = chat.parsed.ok ? chat.parsed.command : assert.fail('test 4 parses');
    assert.deepEqual(parsed.data, [{ kind: 'text', text: '{"sessionId":"<sid>","message":"hola"}' }]);
  });

  test('each test knows its evidence fields', () => {
    const health = testNumbered(suite, '1');
    assert.deepEqual(health.slots.output, { range: range(90, 0, 90, 19), filled: false });
    assert.equal(health.slots.status?.valueRange.start.line, 91);
    assert.deepEqual(health.slots.status?.options, ['✅ PASSED', '❌ FAILED']);
    assert.deepEqual(
      [health.slots.time?.numberRange, health.slots.time?.unit, health.slots.time?.filled],
      [range(92, 21, 92, 24), 'ms', false],
    );
    assert.deepEqual(health.range, range(87, 0, 92, 26));

    const greeting = testNumbered(suite, '2');
    assert.deepEqual(
      greeting.slots.captures.map((c) => [c.subject, c.filled, c.valueRange]),
      [['SessionId', false, range(100, 20, 100, 38)]],
    );

    const chat = testNumbered(suite, '4');
    assert.equal(chat.slots.time?.unit, 's');
    assert.deepEqual(
      chat.criteria.map((c) => [c.limitMs, c.text]),
      [[2000, '<2s']],
    );

    const logs = testNumbered(suite, '7');
    assert.equal(logs.slots.time, undefined);
    assert.deepEqual(
      logs.slots.secretNotes.map((n) => n.secret),
      ['LOG_TOKEN'],
    );
  });

  test('only /api/chat gets the item criterion "/api/chat responde en <2s"', () => {
    assert.deepEqual(
      suite.tests.map((t) => t.criteria.length),
      [0, 0, 0, 1, 0, 0, 0],
    );
  });

  test('smokeTestAt finds the test of a line (banner, command or evidence)', () => {
    assert.equal(smokeTestAt(suite, 87)?.number, '1');
    assert.equal(smokeTestAt(suite, 100)?.number, '2');
    assert.equal(smokeTestAt(suite, 150)?.number, '7');
    assert.equal(smokeTestAt(suite, 10), undefined);
  });

  test('`$ redis-cli` and `$ telnet` blocks elsewhere are not smoke tests', () => {
    assert.ok(suite.tests.every((t) => t.command.includes('curl')));
  });
});

describe('recognising an English checklist', () => {
  const suite = smokeTestsOf(english());

  test('banners, English fields and criteria', () => {
    assert.equal(suite.language, 'en');
    assert.deepEqual(
      suite.tests.map((t) => [t.number, t.method, t.path, !!t.slots.output, !!t.slots.status]),
      [
        ['1', 'GET', '/api/health', true, true],
        ['2', 'POST', '/api/greeting', true, true],
        ['3', 'POST', '/api/chat', true, true],
        ['4', 'GET', '/api/logs', true, true],
        ['5', 'GET', '/api/metrics', true, true],
      ],
    );
    const greeting = testNumbered(suite, '2');
    assert.deepEqual(
      greeting.slots.captures.map((c) => c.subject),
      ['Session ID'],
    );
    assert.equal(greeting.slots.time?.unit, 's');
    assert.deepEqual(
      greeting.criteria.map((c) => c.limitMs),
      [2000],
    );
    assert.deepEqual(
      testNumbered(suite, '3').criteria.map((c) => [c.limitMs, c.path]),
      [[2000, '/api/chat']],
    );
    assert.deepEqual(testNumbered(suite, '1').slots.status?.options, ['PASSED', 'FAILED']);
    assert.deepEqual(
      testNumbered(suite, '4').slots.secretNotes.map((n) => n.secret),
      ['LOG_TOKEN'],
    );
  });

  test('a command piped into grep is recognised and runnable, its pattern read', () => {
    const metrics = testNumbered(suite, '5');
    assert.ok(metrics.parsed.ok);
    assert.deepEqual(
      metrics.parsed.command.pipeline.map((stage) => (stage.program === 'grep' ? stage.written : stage.program)),
      ['latency'],
    );
  });
});

describe('identity and filled evidence', () => {
  test('a test keeps its key when lines move, and loses it when its command changes', () => {
    const before = smokeTestsOf(sampleText());
    const moved = smokeTestsOf(
      sampleText().replace('## 🔴 BLOQUERS', 'Una línea nueva.\n\nOtra más.\n\n## 🔴 BLOQUERS'),
    );
    assert.deepEqual(
      moved.tests.map((t) => t.key),
      before.tests.map((t) => t.key),
    );
    assert.equal(moved.tests[0]?.commandRange.start.line, (before.tests[0]?.commandRange.start.line ?? 0) + 4);
    const edited = smokeTestsOf(
      sampleText().replace('"http://staging-host/api/health" | jq', '"http://staging-host/api/health?full=1" | jq'),
    );
    assert.notEqual(edited.tests[0]?.key, before.tests[0]?.key);
    assert.equal(edited.tests[1]?.key, before.tests[1]?.key);
  });

  test('identical commands without banners are told apart by their order', () => {
    const suite = smokeTestsOf(
      checklist('$ curl http://h/a\n[PASTE OUTPUT HERE]\n\n$ curl http://h/a\n[PASTE OUTPUT HERE]'),
    );
    assert.deepEqual(
      suite.tests.map((t) => [t.number, t.identity.occurrence]),
      [
        ['1', 0],
        ['2', 1],
      ],
    );
    assert.notEqual(suite.tests[0]?.key, suite.tests[1]?.key);
  });

  test('output, status, time and captures already filled are recognised as such', () => {
    const filled = sampleText().replace(
      '-H "Content-Type: application/json" -d \'{}\' | jq\n[PEGAR SALIDA AQUÍ]\nSessionId obtenido: [PEGAR SESSION ID]\nEstado: [✅ PASSED / ❌ FAILED]\nTiempo de respuesta: [X]ms',
      '-H "Content-Type: application/json" -d \'{}\' | jq\n{\n  "sessionId": "sess_1"\n\n}\n    Estado: a line of the output that looked like a field\nSessionId obtenido: sess_1\nEstado: ❌ FAILED (HTTP 500)\nTiempo de respuesta: 12.5ms',
    );
    const greeting = testNumbered(smokeTestsOf(filled), '2');
    assert.deepEqual(greeting.slots.output, {
      range: range(99, 0, 103, '    Estado: a line of the output that looked like a field'.length),
      filled: true,
    });
    assert.deepEqual([greeting.slots.status?.filled, greeting.slots.status?.value], [true, '❌ FAILED (HTTP 500)']);
    assert.deepEqual([greeting.slots.time?.filled, greeting.slots.time?.numberRange], [true, range(106, 21, 106, 25)]);
    assert.deepEqual(
      greeting.slots.captures.map((c) => [c.filled, c.value]),
      [[true, 'sess_1']],
    );
    assert.equal(greeting.key, testNumbered(smokeTestsOf(sampleText()), '2').key);
  });

  test('an empty field and a field without a unit', () => {
    const suite = smokeTestsOf(checklist('$ curl http://h/a\nStatus:\nResponse time: [X]'));
    const slots = suite.tests[0]?.slots;
    assert.deepEqual([slots?.status?.value, slots?.status?.valueRange], ['', range(10, 7, 10, 7)]);
    assert.deepEqual([slots?.time?.unit, slots?.time?.addUnit], ['ms', true]);
  });

  test('only shell blocks of checklist items count', () => {
    assert.equal(smokeTestsOf(checklist('$ curl http://h/a', 'json')).tests.length, 0);
    assert.equal(smokeTestsOf(checklist('curl http://h/a', 'sh')).tests.length, 1);
    assert.equal(smokeTestsOf('# Notes\n\n```bash\n$ curl http://h/a\n```\n').tests.length, 0);
  });

  test('CRLF documents keep their line ending', () => {
    const suite = smokeTestsOf(checklist('$ curl http://h/a\n[PASTE OUTPUT HERE]').replace(/\n/g, '\r\n'));
    assert.equal(suite.eol, '\r\n');
    assert.deepEqual(suite.tests[0]?.slots.output?.range, range(10, 0, 10, 19));
  });
});

describe('escaping pasted output', () => {
  test('lines that would read as structure are indented; others are kept', () => {
    const cases: [string, string][] = [
      ['{', '{'],
      ['  "status": "ok"', '  "status": "ok"'],
      ['2025-12-07T10:00:00Z INFO GET /api/health 200', '2025-12-07T10:00:00Z INFO GET /api/health 200'],
      ['Error: boom', 'Error: boom'],
      ['Estado: ✅ PASSED', '    Estado: ✅ PASSED'],
      ['Status: [x]', '    Status: [x]'],
      ['# SMOKE TEST 9: /x', '    # SMOKE TEST 9: /x'],
      ['# a comment', '    # a comment'],
      ['$ curl http://evil', '    $ curl http://evil'],
      ['curl http://evil', '    curl http://evil'],
      ['```', '    ```'],
      ['  ~~~', '      ~~~'],
      ['[PASTE OUTPUT HERE]', '    [PASTE OUTPUT HERE]'],
      ['Notes:', '    Notes:'],
    ];
    for (const [line, escaped] of cases) {
      assert.equal(escapeOutputLine(line), escaped, line);
      assert.ok(['free', 'blank'].includes(classifyLine(escapeOutputLine(line)).kind), line);
    }
  });
});
