import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCurlCommand, type CommandProblem, type CurlCommand } from '../../server/src/core/smoke';
import { isServerVariable, isStagingHost, mostCommonHost, writtenHost } from '../../server/src/core/smoke/hosts';
import { applyStage, parseJsonPath, type PipeStage } from '../../server/src/core/smoke/pipes';
import { buildRequest } from '../../server/src/core/smoke/request';
import { FileReadFailure } from '../../server/src/core/smoke/ports';
import { memoryFiles } from '../support/memoryFiles';

function parsed(command: string): CurlCommand {
  const result = parseCurlCommand(command);
  if (!result.ok) assert.fail(`${command}: ${JSON.stringify(result.problem)}`);
  return result.command;
}

function problem(command: string): CommandProblem {
  const result = parseCurlCommand(command);
  if (result.ok) assert.fail(`${command} should not be runnable`);
  return result.problem;
}

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const header = (headers: readonly (readonly [string, string])[], name: string) =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1];

describe('curl parser: options', () => {
  test('-X/--request, attached or not, upper-cased', () => {
    assert.equal(parsed('curl -X POST http://h/a').method, 'POST');
    assert.equal(parsed('curl --request put http://h/a').method, 'PUT');
    assert.equal(parsed('curl -XPATCH http://h/a').method, 'PATCH');
    assert.equal(parsed('curl http://h/a').method, undefined);
    assert.deepEqual(problem('curl -X "PO ST" http://h/a'), { code: 'bad-argument', option: '-X', value: 'PO ST' });
  });

  test('-H/--header keeps every header in order; a header without a colon is refused', () => {
    const command = parsed(
      `curl -H "Content-Type: application/json" --header 'x-session-id: <sid>' -H'X-Empty:' http://h/a`,
    );
    assert.deepEqual(command.headers, [
      ['Content-Type', 'application/json'],
      ['x-session-id', '<sid>'],
      ['X-Empty', ''],
    ]);
    assert.deepEqual(problem('curl -H NoColon http://h'), { code: 'bad-argument', option: '-H', value: 'NoColon' });
  });

  test('-d/--data/--data-ascii read @file without newlines, --data-binary keeps them, --data-raw never reads a file', () => {
    const command = parsed(
      `curl -d 'a=1' --data @form.txt --data-ascii b=2 --data-binary @blob.bin --data-raw '@literal' http://h`,
    );
    assert.deepEqual(command.data, [
      { kind: 'text', text: 'a=1' },
      { kind: 'file', path: 'form.txt', stripNewlines: true },
      { kind: 'text', text: 'b=2' },
      { kind: 'file', path: 'blob.bin', stripNewlines: false },
      { kind: 'text', text: '@literal' },
    ]);
    assert.deepEqual(problem('curl -d @- http://h'), { code: 'stdin' });
  });

  test('--json, literal or @file', () => {
    assert.deepEqual(parsed(`curl --json '{"a":1}' --json @more.json http://h`).json, [
      { kind: 'text', text: '{"a":1}' },
      { kind: 'file', path: 'more.json', stripNewlines: false },
    ]);
  });

  test('-F/--form: text fields, name=@path files with ;type= and ;filename=, name=<path contents', () => {
    const command = parsed(
      `curl -F "image=@./test/fixture.jpg" --form 'doc=@a/b.bin;type=application/pdf;filename=report.pdf' -F note=hello -F 'text=<notes.txt' http://h`,
    );
    assert.deepEqual(command.form, [
      { kind: 'file', name: 'image', path: './test/fixture.jpg', filename: 'fixture.jpg', contentType: undefined },
      { kind: 'file', name: 'doc', path: 'a/b.bin', filename: 'report.pdf', contentType: 'application/pdf' },
      { kind: 'text', name: 'note', value: 'hello' },
      { kind: 'file-text', name: 'text', path: 'notes.txt' },
    ]);
    assert.deepEqual(problem('curl -F novalue http://h'), { code: 'bad-argument', option: '-F', value: 'novalue' });
    assert.deepEqual(problem('curl -F a=b -d c http://h'), { code: 'data-and-form' });
  });

  test('-u/--user needs user:password (curl would prompt otherwise)', () => {
    assert.equal(parsed(`curl -u 'qa:<QA_PASSWORD>' http://h`).user, 'qa:<QA_PASSWORD>');
    assert.equal(parsed('curl --user a:b http://h').user, 'a:b');
    assert.deepEqual(problem('curl -u qa http://h'), { code: 'bad-argument', option: '-u', value: 'qa' });
  });

  test('flags: -G, -L, -k, -i, -s, -S, -sS, -sSL, --compressed, -f', () => {
    const command = parsed(
      'curl -sSL -G -k -i --compressed -f --get --location --insecure --include --silent --show-error http://h',
    );
    assert.equal(command.get, true);
    assert.equal(command.followRedirects, true);
    assert.equal(command.insecure, true);
    assert.equal(command.includeHeaders, true);
    assert.equal(command.compressed, true);
    const plain = parsed('curl -s -S http://h');
    assert.deepEqual(
      [plain.get, plain.followRedirects, plain.insecure, plain.includeHeaders, plain.compressed],
      [false, false, false, false, false],
    );
  });

  test('-m/--max-time in seconds, fractions allowed', () => {
    assert.equal(parsed('curl -m 2.5 http://h').maxTimeMs, 2500);
    assert.equal(parsed('curl --max-time 30 http://h').maxTimeMs, 30_000);
    assert.equal(parsed('curl -sm5 http://h').maxTimeMs, 5000);
    assert.deepEqual(problem('curl -m soon http://h'), { code: 'bad-argument', option: '-m', value: 'soon' });
    assert.deepEqual(problem('curl http://h -m'), { code: 'missing-argument', option: '-m' });
  });

  test('the URL: positional or --url, http assumed without a scheme, one only', () => {
    assert.equal(parsed('curl --url http://h/a').url, 'http://h/a');
    assert.equal(parsed('curl staging-host/api/health').url, 'http://staging-host/api/health');
    assert.deepEqual(problem('curl -sS'), { code: 'no-url' });
    assert.deepEqual(problem('curl http://a http://b'), { code: 'several-urls' });
    assert.deepEqual(problem('curl ftp://h/file'), { code: 'not-http', url: 'ftp://h/file' });
    assert.deepEqual(problem('curl "http://h/{a,b}"'), { code: 'url-glob', url: 'http://h/{a,b}' });
    assert.equal(parsed('curl -g "http://h/[x]"').url, 'http://h/[x]');
  });

  test('-o /dev/null (or -) and -w; -I is HEAD with headers; -A, -e, -b are headers; --connect-timeout is checked', () => {
    const quiet = parsed(`curl -s -o /dev/null -w '%{http_code}' http://h`);
    assert.deepEqual([quiet.discardBody, quiet.writeOut], [true, '%{http_code}']);
    assert.equal(parsed('curl -so /dev/null http://h').discardBody, true);
    assert.equal(parsed('curl --output - http://h').discardBody, false);
    assert.equal(parsed('curl http://h').writeOut, undefined);
    const head = parsed('curl -sI http://h');
    assert.deepEqual([head.method, head.includeHeaders], ['HEAD', true]);
    assert.equal(parsed('curl -I -X GET http://h').method, 'GET');
    assert.deepEqual(parsed(`curl -A probe/1.0 -e https://ref.example -b 'sid=1; lang=es' http://h`).headers, [
      ['User-Agent', 'probe/1.0'],
      ['Referer', 'https://ref.example'],
      ['Cookie', 'sid=1; lang=es'],
    ]);
    assert.equal(parsed('curl --connect-timeout 3 --fail-with-body --no-progress-meter http://h').url, 'http://h');
    // A smoke test writes no file and reads no cookie jar or format file.
    assert.deepEqual(problem('curl -o out.json http://h'), { code: 'bad-argument', option: '-o', value: 'out.json' });
    assert.deepEqual(problem('curl -b cookies.txt http://h'), {
      code: 'bad-argument',
      option: '-b',
      value: 'cookies.txt',
    });
    assert.deepEqual(problem('curl -w @format.txt http://h'), {
      code: 'bad-argument',
      option: '-w',
      value: '@format.txt',
    });
    assert.deepEqual(problem('curl --connect-timeout soon http://h'), {
      code: 'bad-argument',
      option: '--connect-timeout',
      value: 'soon',
    });
  });

  test('options curl has but the runner does not are named', () => {
    assert.deepEqual(problem('curl --data=x http://h'), { code: 'unsupported-option', option: '--data=x' });
    assert.deepEqual(problem('curl -v http://h'), { code: 'unsupported-option', option: '-v' });
  });
});

describe('curl parser: shell words', () => {
  test('quoting as a shell reads it', () => {
    const command = parsed(`curl -d '{"sessionId":"<sid>","message":"hola"}' -H "A: it's" -H X:\\ y "http://h/a b"'c'`);
    assert.deepEqual(command.data, [{ kind: 'text', text: '{"sessionId":"<sid>","message":"hola"}' }]);
    assert.deepEqual(command.headers, [
      ['A', "it's"],
      ['X', 'y'],
    ]);
    assert.equal(command.url, 'http://h/a bc');
    // A quote inside a comment is not an open quote.
    assert.deepEqual(parsed(`curl -d 'it'"'"'s' http://h # don't`).data, [{ kind: 'text', text: "it's" }]);
  });

  test('$VAR and ${VAR} become <VAR> variables; single quotes keep them literal', () => {
    const command = parsed(`curl -H "Authorization: Bearer $API_TOKEN" -d '$NOT_EXPANDED' "http://h/\${PATH_PART}/x"`);
    assert.deepEqual(command.headers, [['Authorization', 'Bearer <API_TOKEN>']]);
    assert.deepEqual(command.data, [{ kind: 'text', text: '$NOT_EXPANDED' }]);
    assert.equal(command.url, 'http://h/<PATH_PART>/x');
  });

  test('time prefix, unquoted ? in a URL, and a trailing comment', () => {
    const command = parsed('time curl http://h/logs?token=x # keep it short');
    assert.equal(command.url, 'http://h/logs?token=x');
  });

  test('pipes into jq and head', () => {
    assert.deepEqual(parsed('curl http://h | jq').pipeline, [{ program: 'jq', path: [], raw: false, compact: false }]);
    assert.deepEqual(parsed(`curl http://h | jq -r '.sessionId'`).pipeline, [
      { program: 'jq', path: ['sessionId'], raw: true, compact: false },
    ]);
    assert.deepEqual(parsed('curl http://h | jq -c .a.b').pipeline, [
      { program: 'jq', path: ['a', 'b'], raw: false, compact: true },
    ]);
    assert.deepEqual(parsed('curl http://h | head -n 40').pipeline, [{ program: 'head', lines: 40 }]);
    assert.deepEqual(parsed('curl http://h | head -5 | jq -M .').pipeline, [
      { program: 'head', lines: 5 },
      { program: 'jq', path: [], raw: false, compact: false },
    ]);
    assert.deepEqual(parsed('curl http://h | head').pipeline, [{ program: 'head', lines: 10 }]);
  });

  test('anything but curl piped into jq, head or grep is not runnable here, with the reason', () => {
    const cases: [string, CommandProblem][] = [
      ['kubectl get pods', { code: 'not-curl', program: 'kubectl' }],
      ['wget http://h', { code: 'unsupported-option', option: 'wget without -O -' }],
      ['curl http://h | sed s/a/b/', { code: 'unsupported-pipe', program: 'sed' }],
      ['curl http://h | jq ".a | .b"', { code: 'unsupported-pipe-argument', program: 'jq', argument: '.a | .b' }],
      ['curl http://h | jq --slurp', { code: 'unsupported-pipe-argument', program: 'jq', argument: '--slurp' }],
      ['curl http://h | head -c 10', { code: 'unsupported-pipe-argument', program: 'head', argument: '-c' }],
      ['curl http://h && rm -rf /', { code: 'shell-operator', operator: '&&' }],
      ['curl http://h; ls', { code: 'shell-operator', operator: ';' }],
      ['curl http://h > out.txt', { code: 'shell-operator', operator: '>' }],
      ['curl http://h 2>&1', { code: 'shell-operator', operator: '>&' }],
      ['curl http://h &', { code: 'shell-operator', operator: '&' }],
      ['curl -H x-session-id:<sid> http://h', { code: 'shell-operator', operator: '<' }],
      ['curl "http://h/$(whoami)"', { code: 'shell-expansion', text: '$(…)' }],
      ['curl http://h/$(whoami)', { code: 'shell-expansion', text: '$(…)' }],
      ['curl "http://h/`whoami`"', { code: 'shell-expansion', text: '`…`' }],
      ['curl "http://h/${A:-x}"', { code: 'shell-expansion', text: '${A:-x}' }],
      [`curl -d '{"a": 1 http://h`, { code: 'unbalanced-quotes' }],
      ['curl -d "abc http://h', { code: 'unbalanced-quotes' }],
    ];
    for (const [command, expected] of cases) assert.deepEqual(problem(command), expected, command);
  });
});

describe('curl parser: the request it sends', () => {
  const files = memoryFiles({
    'form.txt': 'a=1\r\nb=2\n',
    'blob.bin': 'x\ny\n',
    'test/fixture.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]),
  });
  const build = (command: string, url = 'http://127.0.0.1:9/x') =>
    buildRequest(parsed(command), url, files, { insecure: false, maxBodyBytes: 1000 });

  test("curl's defaults: GET, user agent, Accept */*, no compression unless --compressed", async () => {
    const request = await build('curl http://h');
    assert.equal(request.method, 'GET');
    assert.equal(request.body, undefined);
    assert.equal(header(request.headers, 'accept'), '*/*');
    assert.equal(header(request.headers, 'accept-encoding'), 'identity');
    assert.equal(header(request.headers, 'user-agent'), 'readiness-smoke');
    assert.equal(header((await build('curl --compressed http://h')).headers, 'accept-encoding'), 'gzip, deflate, br');
  });

  test('-d posts form data joined with &, stripping newlines of @file; --data-binary keeps them', async () => {
    const request = await build('curl -d x=1 -d @form.txt http://h');
    assert.equal(request.method, 'POST');
    assert.equal(decode(request.body), 'x=1&a=1b=2');
    assert.equal(header(request.headers, 'content-type'), 'application/x-www-form-urlencoded');
    assert.equal(decode((await build('curl --data-binary @blob.bin http://h')).body), 'x\ny\n');
    assert.equal(
      header((await build('curl -H "Content-Type: application/json" -d {} http://h')).headers, 'content-type'),
      'application/json',
    );
  });

  test('--json sets both JSON headers', async () => {
    const request = await build(`curl --json '{"a":1}' http://h`);
    assert.equal(request.method, 'POST');
    assert.equal(decode(request.body), '{"a":1}');
    assert.equal(header(request.headers, 'content-type'), 'application/json');
    assert.equal(header(request.headers, 'accept'), 'application/json');
  });

  test('-G moves the data into the query string', async () => {
    assert.equal((await build('curl -G -d q=1 -d r=2 http://h', 'http://h/x')).url, 'http://h/x?q=1&r=2');
    const request = await build('curl -G -d q=1 http://h', 'http://h/x?a=b');
    assert.equal(request.url, 'http://h/x?a=b&q=1');
    assert.equal(request.method, 'GET');
    assert.equal(request.body, undefined);
  });

  test('-u sends Basic authorization', async () => {
    assert.equal(
      header((await build('curl -u qa:s3cret http://h')).headers, 'authorization'),
      `Basic ${btoa('qa:s3cret')}`,
    );
  });

  test('-F builds multipart/form-data with the file, its name and its type', async () => {
    const request = await build('curl -F "image=@./test/fixture.jpg" -F note=hi http://h');
    const type = header(request.headers, 'content-type') ?? '';
    const boundary = /boundary=(.+)$/.exec(type)?.[1] ?? '';
    assert.match(type, /^multipart\/form-data; boundary=/);
    const body = Buffer.from(request.body ?? new Uint8Array());
    const text = body.toString('latin1');
    assert.ok(
      text.startsWith(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="fixture.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
    );
    assert.ok(body.includes(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2])));
    assert.ok(text.includes('Content-Disposition: form-data; name="note"\r\n\r\nhi\r\n'));
    assert.ok(text.endsWith(`--${boundary}--\r\n`));
  });

  test('a missing upload file rejects with FileReadFailure', async () => {
    await assert.rejects(
      build('curl -F "image=@./nope.jpg" http://h'),
      (error: unknown) => error instanceof FileReadFailure && error.kind === 'missing' && error.path === './nope.jpg',
    );
  });
});

describe('pipes', () => {
  const jq = (filter: string, raw = false): PipeStage => ({
    program: 'jq',
    path: parseJsonPath(filter) ?? assert.fail(filter),
    raw,
    compact: false,
  });

  test('jq pretty-prints, follows simple paths, prints missing keys as null', () => {
    const body = '{"sessionId":"s1","a":{"b":[10,{"c":true}]}}';
    assert.deepEqual(applyStage(jq('.'), body), {
      ok: true,
      text: '{\n  "sessionId": "s1",\n  "a": {\n    "b": [\n      10,\n      {\n        "c": true\n      }\n    ]\n  }\n}\n',
      omittedLines: 0,
    });
    assert.deepEqual(applyStage(jq('.sessionId'), body), { ok: true, text: '"s1"\n', omittedLines: 0 });
    assert.deepEqual(applyStage(jq('.sessionId', true), body), { ok: true, text: 's1\n', omittedLines: 0 });
    assert.deepEqual(applyStage(jq('.a.b[1].c'), body), { ok: true, text: 'true\n', omittedLines: 0 });
    assert.deepEqual(applyStage(jq('.a.b.[0]'), body), { ok: true, text: '10\n', omittedLines: 0 });
    assert.deepEqual(applyStage(jq('.missing.deeper'), body), { ok: true, text: 'null\n', omittedLines: 0 });
    assert.deepEqual(applyStage(jq('."sessionId"'), body), { ok: true, text: '"s1"\n', omittedLines: 0 });
  });

  test('jq fails like jq on text that is not JSON and on impossible indexing', () => {
    assert.deepEqual(applyStage(jq('.'), '<html>oops</html>'), {
      ok: false,
      error: 'not-json',
      detail: '<html>oops</html>',
    });
    const indexed = applyStage(jq('.sessionId[0]'), '{"sessionId":"s1"}');
    assert.equal(indexed.ok, false);
  });

  test('head keeps the first N lines and counts the rest', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    assert.deepEqual(applyStage({ program: 'head', lines: 10 }, text), {
      ok: true,
      text: Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n') + '\n',
      omittedLines: 2,
    });
    assert.deepEqual(applyStage({ program: 'head', lines: 40 }, text), { ok: true, text, omittedLines: 0 });
  });
});

describe('a variable for the server where the host goes', () => {
  test('$BASE_URL, ${API_HOST}, {{baseUrl}}, $STAGING_URL are the server; $LOG_TOKEN, $USER are not', () => {
    const hostOf = (line: string) => {
      const parsed = parseCurlCommand(line);
      return parsed.ok ? writtenHost(parsed.command.url) : undefined;
    };
    const hosts = [
      'curl "$BASE_URL/health"',
      'curl ${API_HOST}/v1/orders',
      'curl {{baseUrl}}/orders',
      'curl $STAGING_URL',
      'curl "$SERVICE_ENDPOINT/metrics"',
    ].map(hostOf);
    assert.deepEqual(hosts, ['<base_url>', '<api_host>', '<baseurl>', '<staging_url>', '<service_endpoint>']);
    for (const host of hosts) assert.ok(isServerVariable(host ?? ''), host);
    for (const host of ['<log_token>', '<user>', 'base_url.example.com', '<>', `<${'a'.repeat(200)}url>`])
      assert.equal(isServerVariable(host), false, host);
    assert.equal(isStagingHost('<base_url>', 'staging.example.com'), true);
    assert.equal(isStagingHost('other.example.com', 'staging.example.com'), false);
    assert.equal(
      mostCommonHost(['http://<base_url>/a', 'http://<base_url>/b', 'https://staging.example.com/c']),
      'staging.example.com',
    );
  });
});

describe('| grep', () => {
  const grep = (line: string) => {
    const command = parsed(`curl -s http://staging-host/metrics | ${line}`);
    const stage = command.pipeline[0];
    assert.equal(stage?.program, 'grep', line);
    return stage;
  };
  const metrics = 'http_requests_total 42\norders_created_total 5\nOrders_Failed_Total 0\n';
  const run = (line: string, text = metrics) => applyStage(grep(line), text);

  test('prints the lines that match, like grep; -i, -v, -c, -q, -w, -F, -E and -e', () => {
    assert.deepEqual(run('grep orders_created_total'), { ok: true, text: 'orders_created_total 5\n', omittedLines: 0 });
    assert.deepEqual(run("grep -i 'orders_.*_total'"), {
      ok: true,
      text: 'orders_created_total 5\nOrders_Failed_Total 0\n',
      omittedLines: 0,
    });
    assert.deepEqual(run('grep -v total'), { ok: true, text: 'Orders_Failed_Total 0\n', omittedLines: 0 });
    assert.deepEqual(run('grep -vi total'), { ok: false, error: 'grep-no-match', detail: '-v total' });
    assert.deepEqual(run('grep -c _total'), { ok: true, text: '2\n', omittedLines: 0 });
    assert.deepEqual(run('grep -qi failed'), { ok: true, text: '', omittedLines: 0 });
    assert.deepEqual(run('grep -w 42'), { ok: true, text: 'http_requests_total 42\n', omittedLines: 0 });
    assert.equal(run('grep -w 4').ok, false);
    assert.deepEqual(run('grep -F "total 4"'), { ok: true, text: 'http_requests_total 42\n', omittedLines: 0 });
    assert.deepEqual(run("grep -E '^orders_[a-z]+_total [0-9]+$'"), {
      ok: true,
      text: 'orders_created_total 5\n',
      omittedLines: 0,
    });
    assert.deepEqual(run("grep -e '5$'"), { ok: true, text: 'orders_created_total 5\n', omittedLines: 0 });
    // In a basic pattern `+`, `?`, `(`, `|` are themselves.
    assert.deepEqual(run('grep "a+b"', 'a+b\naab\n'), { ok: true, text: 'a+b\n', omittedLines: 0 });
  });

  test('no line selected fails the pipeline, as grep exit status 1 does', () => {
    assert.deepEqual(run('grep -q \'"status":"ok"\''), {
      ok: false,
      error: 'grep-no-match',
      detail: '"status":"ok"',
    });
  });

  test('patterns that could take long, and options it does not know, are refused', () => {
    for (const line of [
      'grep -E "(a+)+b"',
      'grep "\\(ab\\)*"',
      'grep -E "a|b"',
      'grep "a*b*c*"',
      'grep -E "x{2,}"',
      'grep -P "\\d+"',
      'grep -r x .',
      'grep',
      'grep "[unclosed"',
    ]) {
      const result = parseCurlCommand(`curl -s http://staging-host/ | ${line}`);
      assert.equal(result.ok, false, line);
      if (!result.ok) assert.equal(result.problem.code, 'unsupported-pipe-argument', line);
    }
  });
});
