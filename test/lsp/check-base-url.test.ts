// `readiness/checkBaseUrl` over the protocol: the server, not the client, says what is wrong with a
// base URL the user types in the smoke run's prompt, in the display language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkBaseUrlRequest, type CheckBaseUrlParams } from '../../server/src/protocol';
import { startServer, type TestServer } from '../support/lspClient';
import { samplePath, sampleText, sampleWorkspace } from '../support/paths';

describe('language server: readiness/checkBaseUrl', () => {
  let english: TestServer;
  let spanish: TestServer;
  before(async () => {
    [english, spanish] = await Promise.all([
      startServer({ workspaceFolder: sampleWorkspace }),
      startServer({ workspaceFolder: sampleWorkspace, locale: 'es' }),
    ]);
  });
  after(() => Promise.all([english.stop(), spanish.stop()]));

  const problem = async (server: TestServer, params: CheckBaseUrlParams) =>
    (await server.connection.sendRequest(checkBaseUrlRequest, params)).problem;

  test('a real http(s) URL is fine, with or without a staging host, port or path', async () => {
    for (const baseUrl of [
      'https://staging.example.com',
      'http://127.0.0.1:8080/api',
      '  https://staging-host.example.com  ',
      'http://localhost:3000',
    ]) {
      assert.equal(await problem(english, { baseUrl, stagingHost: 'staging-host' }), undefined, baseUrl);
    }
    assert.equal(await problem(english, { baseUrl: 'https://staging.example.com' }), undefined);
  });

  test('what is not an http(s) URL is named as such', async () => {
    for (const baseUrl of ['', 'staging.example.com', 'ftp://staging.example.com', 'http://', 'javascript:alert(1)']) {
      assert.equal(
        await problem(english, { baseUrl, stagingHost: 'staging-host' }),
        'Enter an http:// or https:// URL',
        baseUrl,
      );
    }
    assert.equal(await problem(spanish, { baseUrl: 'nada' }), 'Escribe una URL http:// o https://');
  });

  test("the checklist's own placeholder host is refused, whatever its case or port", async () => {
    for (const baseUrl of ['http://staging-host', 'https://STAGING-HOST:8443/v1']) {
      assert.equal(
        await problem(english, { baseUrl, stagingHost: 'staging-host' }),
        "http://staging-host is the checklist's placeholder; enter the real staging URL",
        baseUrl,
      );
    }
    assert.equal(
      await problem(spanish, { baseUrl: 'http://api', stagingHost: 'api:8080' }),
      'http://api:8080 es el host de ejemplo de la lista; escribe la URL real de staging',
    );
  });

  test('without a staging host, the server reads it from the open checklist', async () => {
    const published = await english.open(samplePath, sampleText());
    assert.equal(
      await problem(english, { baseUrl: 'http://staging-host:8080', uri: published.uri }),
      "http://staging-host is the checklist's placeholder; enter the real staging URL",
    );
    assert.equal(await problem(english, { baseUrl: 'https://staging.example.com', uri: published.uri }), undefined);
    assert.equal(
      await problem(english, { baseUrl: 'http://staging-host', uri: 'file:///nowhere/closed.md' }),
      undefined,
    );
  });

  test('a staging host that is a real name (dotted, localhost, an address) is not a placeholder', async () => {
    for (const stagingHost of ['staging.example.com', 'localhost:3000', '127.0.0.1:8080']) {
      assert.equal(await problem(english, { baseUrl: `http://${stagingHost}`, stagingHost }), undefined, stagingHost);
    }
  });
});
