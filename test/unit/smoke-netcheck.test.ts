// Commands beyond curl, parsed without running anything: redis-cli, nc and telnet checks, wget and
// httpie read as curl; and the RESP codec on in-memory bytes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../server/src/core/messages';
import { commandHoverAt } from '../../server/src/core/smoke/commandHover';
import { parseCurlCommand } from '../../server/src/core/smoke/curl';
import { parseNetCheck } from '../../server/src/core/smoke/netcheck';
import { decodeReply, encodeCommand, printReply } from '../../server/src/core/smoke/resp';
import { analysisOf } from '../support/analyses';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('net checks: parsing', () => {
  test('redis-cli: host, port, a password variable unquoted, the allowed commands in any case', () => {
    assert.deepEqual(parseNetCheck('redis-cli -h cache.internal -p 6380 -a <REDIS_PASSWORD> PING'), {
      ok: true,
      check: {
        kind: 'redis',
        host: 'cache.internal',
        port: '6380',
        password: '<REDIS_PASSWORD>',
        user: undefined,
        command: ['PING'],
      },
    });
    assert.deepEqual(parseNetCheck('redis-cli info server'), {
      ok: true,
      check: {
        kind: 'redis',
        host: '127.0.0.1',
        port: '6379',
        password: undefined,
        user: undefined,
        command: ['INFO', 'server'],
      },
    });
    const config = parseNetCheck('redis-cli --user app --pass "<REDIS_PASSWORD>" config get maxmemory-policy');
    assert.ok(config?.ok && config.check.kind === 'redis');
    assert.deepEqual(
      [config.check.user, config.check.password, config.check.command],
      ['app', '<REDIS_PASSWORD>', ['CONFIG', 'get', 'maxmemory-policy']],
    );
  });

  test('redis-cli: writes, unknown options, pipes and shell operators are refused', () => {
    assert.deepEqual(parseNetCheck('redis-cli flushall'), {
      ok: false,
      problem: { code: 'unsupported-option', option: 'flushall' },
    });
    assert.deepEqual(parseNetCheck('redis-cli -n 2 ping'), {
      ok: false,
      problem: { code: 'unsupported-option', option: '-n' },
    });
    assert.deepEqual(parseNetCheck('redis-cli ping | grep PONG'), {
      ok: false,
      problem: { code: 'unsupported-pipe', program: 'grep' },
    });
    assert.equal(parseNetCheck('redis-cli ping && rm -rf /')?.ok, false);
    assert.deepEqual(parseNetCheck('redis-cli -h'), { ok: false, problem: { code: 'missing-argument', option: '-h' } });
  });

  test('nc -z and telnet: host and port; nc without -z would send stdin, so it is refused', () => {
    assert.deepEqual(parseNetCheck('nc -zv redis.internal 6379'), {
      ok: true,
      check: { kind: 'tcp', program: 'nc', host: 'redis.internal', port: '6379' },
    });
    assert.deepEqual(parseNetCheck('nc -z -w 3 10.0.0.5 5432'), {
      ok: true,
      check: { kind: 'tcp', program: 'nc', host: '10.0.0.5', port: '5432' },
    });
    assert.deepEqual(parseNetCheck('telnet [host] [port]'), {
      ok: true,
      check: { kind: 'tcp', program: 'telnet', host: '[host]', port: '[port]' },
    });
    assert.equal(parseNetCheck('nc redis.internal 6379')?.ok, false);
    assert.equal(parseNetCheck('telnet onlyhost')?.ok, false);
    assert.equal(parseNetCheck('curl http://x'), undefined);
    assert.equal(parseNetCheck('kubectl get pods'), undefined);
  });
});

describe('wget and httpie read as curl', () => {
  test('wget -qO- URL and its spellings; without -O - it is refused', () => {
    for (const line of [
      'wget -qO- http://h/api',
      'wget -q -O - http://h/api',
      'wget --quiet --output-document=- http://h/api',
      'wget -O- http://h/api',
    ]) {
      const parsed = parseCurlCommand(line);
      assert.ok(parsed.ok, line);
      assert.equal(parsed.command.url, 'http://h/api');
    }
    assert.equal(parseCurlCommand('wget http://h/api').ok, false);
    assert.equal(parseCurlCommand('wget -r http://h/api').ok, false);
  });

  test('http [METHOD] URL [Header:value] [field=value] [field:=json]', () => {
    const get = parseCurlCommand('http GET http://h/api/health Accept:application/json');
    assert.ok(get.ok);
    assert.deepEqual(
      [get.command.method, get.command.url, get.command.headers],
      ['GET', 'http://h/api/health', [['Accept', 'application/json']]],
    );
    const post = parseCurlCommand('http POST http://h/api/chat message=hola count:=2');
    assert.ok(post.ok);
    assert.deepEqual(post.command.json, [{ kind: 'text', text: '{"message":"hola","count":2}' }]);
    assert.equal(parseCurlCommand('http --form POST http://h/x').ok, false);
    assert.equal(parseCurlCommand('http POST http://h/x bad:=notjson').ok, false);
  });

  test('an unquoted <NAME> standing alone is a variable, not a redirection; inside a word it is what a shell reads', () => {
    const redis = parseNetCheck('redis-cli -a <REDIS_PASSWORD> ping');
    assert.ok(redis?.ok && redis.check.kind === 'redis');
    assert.equal(redis.check.password, '<REDIS_PASSWORD>');
    const quoted = parseCurlCommand('curl -H "X-Token: <LOG_TOKEN>" "http://h/api?t=<LOG_TOKEN>"');
    assert.ok(quoted.ok);
    assert.equal(quoted.command.url, 'http://h/api?t=<LOG_TOKEN>');
    assert.deepEqual(parseCurlCommand('curl -H x-id:<sid> http://h'), {
      ok: false,
      problem: { code: 'shell-operator', operator: '<' },
    });
    assert.equal(parseCurlCommand('curl http://h/api < body.json').ok, false);
  });
});

describe('RESP codec', () => {
  test('commands are arrays of bulk strings, lengths in bytes', () => {
    assert.equal(
      new TextDecoder().decode(encodeCommand(['AUTH', 'contraseña'])),
      '*2\r\n$4\r\nAUTH\r\n$11\r\ncontraseña\r\n',
    );
  });

  test('replies of every type, incomplete ones wait for more bytes, printed as redis-cli prints them', () => {
    assert.deepEqual(decodeReply(bytes('+PONG\r\n')), { value: { type: 'simple', value: 'PONG' }, end: 7 });
    assert.equal(decodeReply(bytes('+PON')), undefined);
    assert.equal(decodeReply(bytes('$5\r\nhel')), undefined);
    assert.equal(decodeReply(bytes('*2\r\n$3\r\nabc\r\n')), undefined);
    const array = decodeReply(bytes('*2\r\n$16\r\nmaxmemory-policy\r\n$11\r\nallkeys-lru\r\n'));
    assert.ok(array);
    assert.deepEqual(printReply(array.value), ['1) "maxmemory-policy"', '2) "allkeys-lru"']);
    assert.deepEqual(printReply({ type: 'error', value: 'WRONGPASS x' }), ['(error) WRONGPASS x']);
    assert.deepEqual(printReply({ type: 'bulk', value: null }), ['(nil)']);
    assert.deepEqual(printReply({ type: 'integer', value: 3 }), ['(integer) 3']);
    assert.deepEqual(decodeReply(bytes('$-1\r\n'))?.value, { type: 'bulk', value: null });
  });

  test('garbage and absurd lengths are errors, not hangs', () => {
    assert.throws(() => decodeReply(bytes('HTTP/1.1 200 OK\r\n')), /not a RESP reply/);
    assert.throws(() => decodeReply(bytes('$999999999999\r\n')), /bad length/);
    assert.throws(
      () =>
        decodeReply(
          bytes(
            '*'
              .repeat(40)
              .split('')
              .map(() => '*1\r\n')
              .join(''),
          ),
        ),
      /nested too deeply/,
    );
  });
});

describe('the hover over a command Readiness does not run', () => {
  const text = [
    '# Checklist',
    '',
    '### 7. Redis',
    '',
    '**Estado**: Pendiente',
    '**Responsable**: SRE',
    '**Deadline**: 48h',
    '',
    '```',
    '$ kubectl get pods -n prod',
    '$ redis-cli -h [host] -p [port] ping',
    '$ redis-cli -h cache.internal -p 6379 ping',
    'kubectl logs deploy/api',
    '```',
    '',
  ].join('\n');
  const checklist = analysisOf(text).checklist;
  const at = (line: number) => commandHoverAt(checklist, { line, character: 2 }, translator('en'))?.markdown;

  test('another program says which commands are smoke tests; a blank target says what to fill in; a test or a plain line says nothing', () => {
    assert.match(at(9) ?? '', /^Readiness does not run `kubectl`: smoke tests are `curl`/);
    assert.equal(at(10), 'Not a smoke test yet: fill in the host and port, and Readiness runs this check.');
    assert.equal(at(11), undefined);
    assert.equal(at(12), undefined);
    assert.equal(at(2), undefined);
    assert.match(
      commandHoverAt(checklist, { line: 9, character: 0 }, translator('es'))?.markdown ?? '',
      /^Readiness no ejecuta `kubectl`/,
    );
  });
});
