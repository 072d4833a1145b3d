// Diagnostics link their code to the rule's section of the README shipped beside the server bundle.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from '../support/lspClient';
import { repoRoot, samplePath, sampleWorkspace } from '../support/paths';
import { sampleWithSecrets } from '../support/secretSamples';

describe('language server: rule documentation links', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspaceFolder: sampleWorkspace });
  });
  after(() => server.stop());

  test("every diagnostic's codeDescription is the README at its rule's heading", async () => {
    const published = await server.open(samplePath, sampleWithSecrets());
    const codes = new Set(published.diagnostics.map((d) => String(d.code)));
    assert.ok(codes.has('unfilled-placeholder') && codes.has('secret'), [...codes].join(', '));
    for (const diagnostic of published.diagnostics) {
      const href = diagnostic.codeDescription?.href ?? '';
      const [file, anchor] = href.split('#');
      assert.equal(anchor, diagnostic.code, href);
      assert.equal(fileURLToPath(file ?? ''), join(repoRoot, 'README.md'));
    }
    assert.ok(existsSync(join(repoRoot, 'README.md')));
  });
});
