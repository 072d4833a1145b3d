// The language server's smoke-test glue that needs no process: `readiness.smoke.*` settings,
// the placeholder-host rule, merged secret spans and the sealed secret round trip.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sealSecret } from '../../client/src/smoke/sealSecret';
import { defaultSmokeSettings } from '../../server/src/core/smoke';
import { createSecretOpener } from '../../server/src/lsp/secretSeal';
import { toSettings } from '../../server/src/lsp/settings';
import { mergeSpans, responseSecretDetector } from '../../server/src/lsp/smokeEnvironment';
import { isPlaceholderHost } from '../../server/src/lsp/smokeRuns';

describe('smoke tests in the language server', () => {
  test('readiness.smoke.* settings: values of the right type over the defaults', () => {
    assert.deepEqual(toSettings(null).smoke, defaultSmokeSettings);
    const smoke = toSettings({
      smoke: {
        baseUrl: ' https://staging.example.com ',
        allowedHosts: ['api.example.com:8443'],
        timeoutMs: 2500,
        allowInsecureTls: true,
        captures: { token: 'auth.token' },
      },
    }).smoke;
    assert.equal(smoke.baseUrl, 'https://staging.example.com');
    assert.deepEqual(smoke.allowedHosts, ['api.example.com:8443']);
    assert.equal(smoke.timeoutMs, 2500);
    assert.equal(smoke.allowInsecureTls, true);
    assert.deepEqual(smoke.captures, { token: 'auth.token' });
    const wrong = toSettings({
      smoke: { baseUrl: '', allowedHosts: 'x', timeoutMs: -1, allowInsecureTls: 'yes', captures: { a: 1 } },
    }).smoke;
    assert.deepEqual(wrong, defaultSmokeSettings);
  });

  test('a single-label host such as staging-host is a placeholder; real names and addresses are not', () => {
    for (const host of ['staging-host', 'staging-host:8080', 'api']) assert.equal(isPlaceholderHost(host), true, host);
    for (const host of ['staging.example.com', 'localhost', 'localhost:3000', '127.0.0.1:8080', '[::1]:80', ''])
      assert.equal(isPlaceholderHost(host), false, host);
  });

  test('secret spans are merged, so nested findings are masked whole', () => {
    assert.deepEqual(
      mergeSpans([
        { start: 5, end: 10 },
        { start: 0, end: 20 },
        { start: 25, end: 30 },
        { start: 28, end: 35 },
        { start: 40, end: 40 },
      ]),
      [
        { start: 0, end: 20 },
        { start: 25, end: 35 },
      ],
    );
    const detect = responseSecretDetector('$ curl "http://staging-host/api/logs?token=<LOG_TOKEN>"');
    const line = 'DEBUG env OPENAI_API_KEY=sk-demo0123456789abcdefghijklmnop';
    const [span] = detect(line);
    assert.equal(line.slice(span?.start, span?.end), 'sk-demo0123456789abcdefghijklmnop');
  });

  test('a secret sealed by the client opens only with the server key and the name it was sealed for', () => {
    const opener = createSecretOpener();
    const sealed = sealSecret('LOG_TOKEN', 'staging-log-token-0123456789', opener.publicKey);
    assert.ok(!JSON.stringify(sealed).includes('staging-log-token'));
    assert.equal(opener.open('LOG_TOKEN', sealed), 'staging-log-token-0123456789');
    assert.equal(opener.open('OTHER_TOKEN', sealed), undefined);
    assert.equal(createSecretOpener().open('LOG_TOKEN', sealed), undefined);
  });
});
