// The evidence a run pastes into the document: what it looks like, that a
// second run replaces it in place, and that it lands on the right test when the
// document changes while requests are in flight.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  applyTextEdits,
  defaultSmokeSettings,
  evidenceEdits,
  runSmokeTests,
  smokeTestsOf,
  type SmokeResult,
  type SmokeSuite,
  type TextEdit,
} from '../../server/src/core/smoke';
import { parseCurlCommand, type CurlCommand } from '../../server/src/core/smoke/curl';
import { outputLines, renderResponse } from '../../server/src/core/smoke/output';
import type { HttpResponse } from '../../server/src/core/smoke/ports';
import { createRedactor } from '../../server/src/core/smoke/redact';
import { range } from '../../server/src/core/types';
import { startStagingServer, type StagingServer } from '../staging-server/server';
import { nodeEnvironment, steppingClock } from '../staging-server/testing';
import { readFixture, sampleText } from '../support/paths';

/** Every request "takes" 12 ms, so the written times are predictable. */
const clock = () => steppingClock(12);

async function runOn(
  text: string,
  server: StagingServer,
  numbers?: readonly string[],
): Promise<{ suite: SmokeSuite; results: readonly SmokeResult[] }> {
  const suite = smokeTestsOf(text);
  const tests = numbers ? suite.tests.filter((t) => numbers.includes(t.number)) : undefined;
  const run = await runSmokeTests(
    suite,
    { ...defaultSmokeSettings, baseUrl: server.url },
    nodeEnvironment({ clock: clock() }),
    { tests },
  );
  return { suite, results: run.results };
}

async function fill(text: string, server: StagingServer, numbers?: readonly string[]): Promise<string> {
  const { suite, results } = await runOn(text, server, numbers);
  const plan = evidenceEdits(suite, results);
  assert.deepEqual(plan.dropped, []);
  return applyTextEdits(text, plan.edits);
}

/** The lines of a test's block, from its banner (and the separator under it) to the next separator or the fence's end. */
function block(text: string, number: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`# SMOKE TEST ${number}:`));
  let end = start + 2;
  while (end < lines.length && !lines[end]?.startsWith('# ====') && !lines[end]?.startsWith('```')) end++;
  return lines.slice(start, end).join('\n').trimEnd();
}

describe('evidence in the sample', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer({ failing: [] })));
  after(() => server.close());

  test('before and after one run: output, status, time, captured value, secret note', async () => {
    const after = await fill(sampleText(), server);
    const sid = /SessionId obtenido: (sess_\d+)/.exec(after)?.[1] ?? assert.fail('a session id was written');
    assert.equal(
      block(after, '1'),
      [
        '# SMOKE TEST 1: /api/health',
        '# ============================================',
        '$ curl -sS -X GET "http://staging-host/api/health" | jq',
        '{',
        '  "status": "ok",',
        '  "service": "staging-stand-in",',
        '  "version": "1.0.0"',
        '}',
        'Estado: ✅ PASSED',
        'Tiempo de respuesta: 12ms',
      ].join('\n'),
    );
    assert.equal(
      block(after, '2'),
      [
        '# SMOKE TEST 2: /api/greeting',
        '# ============================================',
        '$ curl -sS -X POST "http://staging-host/api/greeting" \\',
        `  -H "Content-Type: application/json" -d '{}' | jq`,
        '{',
        `  "sessionId": "${sid}",`,
        '  "message": "¡Hola! Soy el asistente de staging."',
        '}',
        `SessionId obtenido: ${sid}`,
        'Estado: ✅ PASSED',
        'Tiempo de respuesta: 12ms',
      ].join('\n'),
    );
    assert.match(block(after, '4'), /\nTiempo de respuesta: 0\.012s \(debe ser <2s\)\nEstado: ✅ PASSED$/);
    const logs = block(after, '7').split('\n');
    assert.equal(logs.length, 3 + 40 + 1 + 2);
    assert.equal(logs.at(-3), '… (20 líneas más omitidas por head -n 40)');
    assert.deepEqual(logs.slice(-2), [
      'Estado: ✅ PASSED',
      'LOG_TOKEN usado: Sí, se usó LOG_TOKEN (valor no incluido)',
    ]);
    // Nothing outside item 3's block changed.
    const [beforeHead, beforeTail] = splitAround(sampleText());
    const [afterHead, afterTail] = splitAround(after);
    assert.equal(afterHead, beforeHead);
    assert.equal(afterTail, beforeTail);
  });

  test('running again replaces the evidence in place, never a second copy', async () => {
    const once = await fill(sampleText(), server);
    const twice = await fill(once, server);
    const thrice = await fill(twice, server);
    const count = (text: string, what: string) => text.split('\n').filter((l) => l.startsWith(what)).length;
    for (const text of [once, twice, thrice]) {
      assert.equal(count(text, 'Estado: '), 7);
      assert.equal(count(text, 'SessionId obtenido: '), 1);
      assert.equal(count(text, '  "status": "ok",'), 1);
      assert.equal(count(text, 'LOG_TOKEN usado: '), 1);
    }
    assert.equal(block(thrice, '1'), block(once, '1'));
    // Each run creates a new session; the logs list more requests, but head -n 40 keeps the length.
    assert.equal(thrice.split('\n').length, once.split('\n').length);
  });

  test('a failure replaces a pass in place, and a pass replaces the failure', async () => {
    const passed = await fill(sampleText(), server, ['1', '2', '6']);
    const failing = await startStagingServer({ failing: ['/api/whatsapp-ticket'] });
    try {
      const failed = await fill(passed, failing, ['2', '6']);
      assert.match(
        block(failed, '6'),
        /\| jq\nHTTP 500 Internal Server Error\n\{\n {2}"error": "Internal Server Error \(failure switch\)"\n\}\nEstado: ❌ FAILED \(HTTP 500 Internal Server Error\)\nTiempo de respuesta: 12ms$/,
      );
      const again = await fill(failed, server, ['2', '6']);
      assert.match(
        block(again, '6'),
        /\| jq\n\{\n {2}"ticketId": "T-\d+",[^]*\nEstado: ✅ PASSED\nTiempo de respuesta: 12ms$/,
      );
    } finally {
      await failing.close();
    }
  });

  test('an English checklist gets English evidence, in the style of its template', async () => {
    const after = await fill(readFixture('smoke', 'DELIVERABLES.md'), server, ['1', '2', '3', '4']);
    assert.match(after, /\| jq \.status\n"ok"\nStatus: PASSED\nResponse time: 12ms\n/);
    assert.match(after, /\nSession ID obtained: sess_\d+\nStatus: ✅ PASSED\nResponse time: 0\.012s \(must be <2s\)\n/);
    assert.match(after, /\| jq -r \.reply\nHola, ¿en qué puedo ayudarte\? \(respuesta sin IA\)\nStatus: ✅ PASSED\n/);
    assert.match(
      after,
      /\n… \(\d+ more lines left out by head -n 3\)\nStatus: ✅ PASSED\nLOG_TOKEN used: Yes, LOG_TOKEN was used \(value not included\)\n/,
    );
    // Test 5 is not runnable: its placeholders stay.
    assert.match(after, /\| grep latency\n\[PASTE OUTPUT HERE\]\n/);
    // A second run keeps the template's style (no emojis where it had none).
    assert.match(await fill(after, server, ['1']), /\| jq \.status\n"ok"\nStatus: PASSED\nResponse time: 12ms\n/);
  });

  test('CRLF documents get CRLF evidence', async () => {
    const crlf = sampleText().replace(/\n/g, '\r\n');
    const after = await fill(crlf, server, ['1']);
    assert.ok(!/[^\r]\n/.test(after), 'every line ends with CRLF');
    assert.ok(after.includes('| jq\r\n{\r\n  "status": "ok",\r\n'));
  });
});

describe('the document changes while requests are in flight', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer()));
  after(() => server.close());

  async function runWhileEditing(
    edit: (text: string) => string,
  ): Promise<{ edited: string; results: readonly SmokeResult[] }> {
    const held = server.hold('/api/chat');
    const suite = smokeTestsOf(sampleText());
    const running = runSmokeTests(
      suite,
      { ...defaultSmokeSettings, baseUrl: server.url },
      nodeEnvironment({ clock: clock() }),
    );
    await held.arrived;
    const edited = edit(sampleText());
    held.release();
    return { edited, results: (await running).results };
  }

  test('lines added above and a field typed by hand: the evidence still lands on each test', async () => {
    const { edited, results } = await runWhileEditing((text) =>
      text
        .replace(
          '### 3. Smoke Tests Pasados en Staging/Canary\n',
          '### 3. Smoke Tests Pasados en Staging/Canary\n\nNota añadida durante la ejecución.\nY otra línea.\n',
        )
        .replace('Estado: [✅ PASSED / ❌ FAILED]', 'Estado: revisando a mano'),
    );
    const plan = evidenceEdits(smokeTestsOf(edited), results);
    assert.deepEqual(plan.dropped, []);
    const after = applyTextEdits(edited, plan.edits);
    assert.ok(
      after.includes(
        '### 3. Smoke Tests Pasados en Staging/Canary\n\nNota añadida durante la ejecución.\nY otra línea.\n',
      ),
    );
    assert.match(
      block(after, '4'),
      /\| jq\n\{\n {2}"sessionId": "sess_\d+",\n {2}"reply": "[^"]+"\n\}\nTiempo de respuesta: 0\.012s \(debe ser <2s\)\nEstado: ✅ PASSED$/,
    );
    assert.equal(after.split('\n').filter((l) => l.startsWith('Estado: ✅ PASSED')).length, 7);
    assert.ok(!after.includes('revisando a mano'));
    const [head] = splitAround(after);
    assert.equal(head, splitAround(edited)[0]);
  });

  test('a test whose command changed meanwhile gets no evidence, with a message; the others do', async () => {
    const { edited, results } = await runWhileEditing((text) => text.replace('"message":"hola"', '"message":"adiós"'));
    const plan = evidenceEdits(smokeTestsOf(edited), results, 'en');
    assert.deepEqual(
      plan.dropped.map((d) => [d.number, d.message]),
      [['4', 'Smoke test 4 changed or was removed while it ran; its evidence was not written.']],
    );
    const after = applyTextEdits(edited, plan.edits);
    assert.equal(block(after, '4'), block(edited, '4'));
    assert.match(block(after, '3'), /Estado: ✅ PASSED/);
  });
});

const TRANSFER = { elapsedMs: 84.25, url: 'http://h/health?token=***', method: 'GET' };

describe('output lines', () => {
  const command = (text: string): CurlCommand => {
    const parsed = parseCurlCommand(text);
    return parsed.ok ? parsed.command : assert.fail(text);
  };
  const response = (body: string | Uint8Array, type: string, status = 200): HttpResponse => ({
    status,
    statusText: status === 200 ? 'OK' : 'Internal Server Error',
    headers: [['content-type', type]],
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    truncated: false,
  });
  const lines = (
    cmd: string,
    res: HttpResponse,
    options: { language?: 'en' | 'es'; maxLines?: number; secrets?: string[] } = {},
  ) =>
    outputLines(
      { heading: undefined, rendered: renderResponse(command(cmd), res, options.language ?? 'en', TRANSFER) },
      {
        language: options.language ?? 'en',
        maxLines: options.maxLines ?? 200,
        redact: createRedactor(options.secrets ?? []),
      },
    );

  test('a binary body is one summary line', () => {
    assert.deepEqual(
      lines('curl http://h/img', response(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'image/png')),
      ['(binary response: 6 bytes, image/png)'],
    );
    assert.deepEqual(
      lines('curl http://h/x', response(new Uint8Array([0xc3, 0x28]), 'text/plain'), { language: 'es' }),
      ['(respuesta binaria: 2 bytes, text/plain)'],
    );
  });

  test('-i shows the status line and headers before the (piped) body', () => {
    assert.deepEqual(lines('curl -i http://h | jq', response('{"a":1}', 'application/json')), [
      'HTTP/1.1 200 OK',
      'content-type: application/json',
      '',
      '{',
      '  "a": 1',
      '}',
    ]);
  });

  test('long output is cut with a note, after redaction, and an empty body says so', () => {
    const body = Array.from({ length: 5 }, (_, i) => `line ${i} token-123`).join('\n');
    assert.deepEqual(lines('curl http://h', response(body, 'text/plain'), { maxLines: 3, secrets: ['token-123'] }), [
      'line 0 ***',
      'line 1 ***',
      'line 2 ***',
      '… (2 more lines not pasted)',
    ]);
    assert.deepEqual(lines('curl http://h', response('', 'text/plain'), { language: 'es' }), ['(respuesta vacía)']);
  });

  test('-o /dev/null -w writes only the write-out: status, time, size, type, URL, a header, escapes', () => {
    const ok = response('{"status":"ok"}', 'application/json');
    assert.deepEqual(lines(`curl -s -o /dev/null -w '%{http_code}\\n' http://h/health`, ok), ['200']);
    assert.deepEqual(
      lines(
        `curl -so /dev/null -w 'code=%{response_code} t=%{time_total}s size=%{size_download} type=%{content_type}\\turl=%{url_effective} 100%%' http://h/health`,
        ok,
      ),
      ['code=200 t=0.084250s size=15 type=application/json\turl=http://h/health?token=*** 100%'],
    );
    assert.deepEqual(lines(`curl -o /dev/null -w '%{header{content-type}} %{remote_ip}' http://h`, ok), [
      'application/json ?',
    ]);
    // After followed redirects the final URL is not known here: it is never made up.
    assert.deepEqual(lines(`curl -sL -o /dev/null -w '%{url_effective} %{num_redirects}' http://h`, ok), ['? ?']);
    // Without -o the body comes first, as curl writes it; pipes read the whole.
    assert.deepEqual(lines(`curl -s -w '\\n%{http_code}' http://h`, ok), ['{"status":"ok"}', '200']);
    assert.deepEqual(lines(`curl -s -o /dev/null -w '%{http_code}' http://h | head -n 1`, ok), ['200']);
  });

  test('-I shows the headers of a HEAD request', () => {
    assert.deepEqual(lines('curl -sI http://h', response('', 'text/html')), [
      'HTTP/1.1 200 OK',
      'content-type: text/html',
    ]);
  });

  test('a pasted line that would close the fence or read as a field is indented', () => {
    assert.deepEqual(lines('curl http://h', response('```\nStatus: fine\nok', 'text/plain')), [
      '    ```',
      '    Status: fine',
      'ok',
    ]);
  });
});

describe('applying edits', () => {
  test('non-overlapping edits apply in any order; overlapping ones are refused', () => {
    const edits: TextEdit[] = [
      { range: range(0, 0, 0, 1), newText: 'A' },
      { range: range(1, 1, 1, 2), newText: 'B\nC' },
    ];
    assert.equal(applyTextEdits('ab\ncd\n', edits), 'Ab\ncB\nC\n');
    assert.throws(() =>
      applyTextEdits('abc', [
        { range: range(0, 0, 0, 2), newText: '' },
        { range: range(0, 1, 0, 3), newText: '' },
      ]),
    );
  });
});

/** The document before and after item 3's shell block, which holds all the evidence. */
function splitAround(text: string): [string, string] {
  const start = text.indexOf('```bash\n# ====');
  const end = text.indexOf('```', start + 10);
  return [text.slice(0, start), text.slice(end)];
}
