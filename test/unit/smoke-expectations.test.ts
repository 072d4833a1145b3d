// What a smoke test expects, read from its comments and evidence fields in English and Spanish:
// the status it names and the JSON keys the response must hold. Pure: in-memory texts only.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectationField, expectationsOf, hasKey, keysIn, statusIn } from '../../server/src/core/smoke/expectations';
import { smokeTestsOf } from '../../server/src/core/smoke';

describe('smoke expectations: the status a comment names', () => {
  const cases: [string, number | undefined][] = [
    ['→ 200', 200],
    ['-> 201 Created', 201],
    ['=> 204', 204],
    ['expect 201', 201],
    ['Expects a 404 for an unknown session', 404],
    ['expected status: 202', 202],
    ['status 204', 204],
    ['Status code = 409', 409],
    ['returns HTTP 201', 201],
    ['should respond with 201', 201],
    ['debe devolver 201', 201],
    ['devuelve un 404', 404],
    ['responde con 200', 200],
    ['código de estado 201', 201],
    ['esperado: 204', 204],
    ['esperamos 201 (creado)', 201],
    ['Estado HTTP 503 durante el mantenimiento', 503],
    // Not a status: times, rates, sizes, and numbers that are no HTTP code.
    ['responde en <200ms', undefined],
    ['expect 200 ms or less', undefined],
    ['returns 200% more', undefined],
    ['expect 2000 rows', undefined],
    ['greeting → name → problem', undefined],
    ['expect 600', undefined],
    ['a plain comment with 200 in it', undefined],
    ['time < 2s', undefined],
  ];
  for (const [text, code] of cases) {
    test(`"${text}" → ${code ?? 'none'}`, () => assert.equal(statusIn(text)?.code, code));
  }
});

describe('smoke expectations: the JSON keys a comment names', () => {
  const cases: [string, string[]][] = [
    ['the response contains `sessionId`', ['sessionId']],
    ['returns { sessionId, message }', ['sessionId', 'message']],
    ['debe incluir "ticketId" y "whatsappUrl"', ['ticketId', 'whatsappUrl']],
    ['keys: id, name and email', ['id', 'name', 'email']],
    ['claves: sessionId y reply', ['sessionId', 'reply']],
    ['campos esperados: ticketId', ['ticketId']],
    ['with key `token`', ['token']],
    // No key named.
    ['returns quickly', []],
    ['returns "ok"', []],
    ['# Fill the fields below', []],
    ['the keys rotate monthly', []],
    ['has `status` and `version`', ['status', 'version']],
    ['contiene la respuesta', []],
    ['SMOKE TEST 4: /api/chat (mínimo flujo)', []],
  ];
  for (const [text, keys] of cases) {
    test(`"${text}" → ${keys.join(', ') || 'none'}`, () => assert.deepEqual(keysIn(text), keys));
  }
});

describe('smoke expectations: fields and the whole test', () => {
  test('an "Expected ..." field holds a status or, when its label names keys, a key list', () => {
    assert.deepEqual(expectationField('Expected status', '201 Created').status?.code, 201);
    assert.deepEqual(expectationField('Status esperado', 'HTTP 204').status?.code, 204);
    assert.deepEqual(expectationField('Claves esperadas', 'sessionId, reply').keys, [
      { key: 'sessionId' },
      { key: 'reply' },
    ]);
    assert.deepEqual(expectationField('Resultado esperado', '✅ PASSED'), {});
  });

  test('the first status named wins; keys from captures, fields and comments, once each', () => {
    const found = expectationsOf(
      ['# expect 201', '# status 200', '# contains `sessionId`'],
      [{ keys: [{ key: 'session_id' }] }],
      ['SessionId'],
    );
    assert.equal(found.status?.code, 201);
    assert.deepEqual(found.keys, [{ key: 'SessionId' }]);
  });

  test('a key is present by its normalised name at any depth, and not when null', () => {
    assert.ok(hasKey({ sessionId: 's1' }, 'SessionId'));
    assert.ok(hasKey({ data: { session_id: 's1' } }, 'SessionId'));
    assert.ok(hasKey([{ id: 1 }], 'id'));
    assert.ok(!hasKey({ sessionId: null }, 'sessionId'));
    assert.ok(!hasKey('sessionId', 'sessionId'));
  });

  test('in a checklist: comments above a command and in its evidence belong to it; trailing ones lead into the next', () => {
    const text = [
      '# Checklist',
      '',
      '### 1. Smoke',
      '',
      '**Estado**: Pendiente',
      '**Responsable**: QA',
      '**Deadline**: Hoy',
      '',
      '```bash',
      '# SMOKE TEST 1: /api/a → 201',
      '$ curl -sS -X POST "http://staging-host/api/a"',
      '[PEGAR SALIDA AQUÍ]',
      'Ticket obtenido: [PEGAR]',
      'Estado: [✅ PASSED / ❌ FAILED]',
      '# espera 404 para la siguiente',
      '$ curl -sS "http://staging-host/api/b"',
      '# claves: missing',
      '[PEGAR SALIDA AQUÍ]',
      'Status esperado: 404',
      'Estado: [✅ PASSED / ❌ FAILED]',
      '```',
      '',
    ].join('\n');
    const [first, second] = smokeTestsOf(text).tests;
    assert.equal(first?.expectations.status?.code, 201);
    assert.deepEqual(first?.expectations.keys, [{ key: 'Ticket' }]);
    // "Status esperado: 404" and "# espera 404" agree; the comment after test 1's evidence is test 2's.
    assert.equal(second?.expectations.status?.code, 404);
    assert.deepEqual(second?.expectations.keys, [{ key: 'missing' }]);
  });

  test('an item\'s own "Expected: 201" under its fence is its single test\'s; not a rate, not with two tests', () => {
    const item = (n: number, expected: string, commands = 1) =>
      [
        `## ${n}. Create order`,
        '**Owner:** Luis',
        '**Status:** Pending',
        '',
        '```bash',
        ...Array.from({ length: commands }, (_, i) => `curl -X POST http://staging-host/api/orders/${i}`),
        '```',
        expected,
        '',
      ].join('\n');
    const text = [
      '# Release checklist',
      '',
      item(1, 'Expected: 201 Created'),
      item(2, '**Expected status:** 404'),
      item(3, '- Status esperado: 409'),
      item(4, 'Expected: 500 rps at peak'),
      item(5, 'Expected throughput: 300'),
      item(6, 'Expected: 201', 2),
    ].join('\n');
    assert.deepEqual(
      smokeTestsOf(text).tests.map((t) => t.expectations.status?.code),
      [201, 404, 409, undefined, undefined, undefined, undefined],
    );
  });
});
