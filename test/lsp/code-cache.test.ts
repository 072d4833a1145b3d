// dist/server.js with its V8 code cache over the protocol: the first start writes the
// cache once its first analysis is published, the next start takes it (and leaves it
// as it is), a damaged cache is written again; the diagnostics are the same every time.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../support/lspClient';
import { samplePath, sampleText, sampleWorkspace } from '../support/paths';

describe('language server: V8 code cache', () => {
  const folder = mkdtempSync(join(tmpdir(), 'readiness-server-cache-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** One start: the sample's first diagnostics, then shutdown and exit. */
  async function firstDiagnostics(args = [`--code-cache-dir=${folder}`]): Promise<PublishDiagnosticsParams> {
    const server = await startServer({ workspaceFolder: sampleWorkspace, today: '2025-12-08', args });
    try {
      return await server.open(samplePath, sampleText());
    } finally {
      await server.stop();
    }
  }
  const cacheFiles = () => readdirSync(folder);

  test('written by the first start, taken by the next, written again when damaged; same diagnostics', async () => {
    const first = await firstDiagnostics();
    assert.ok(first.diagnostics.length > 100);
    const files = cacheFiles();
    assert.equal(files.length, 1, files.join(', '));
    const file = join(folder, files[0] ?? '');
    const written = readFileSync(file);

    assert.deepEqual(await firstDiagnostics(), first);
    assert.deepEqual(readFileSync(file), written, 'a cache V8 took is left as it is');

    const damaged = Buffer.from(written);
    for (let at = 200; at < damaged.length; at += 4096) damaged[at] = (damaged[at] ?? 0) ^ 0x5a;
    writeFileSync(file, damaged);
    assert.deepEqual(await firstDiagnostics(), first);
    assert.deepEqual(cacheFiles(), files);
    const rewritten = readFileSync(file);
    assert.notDeepEqual(rewritten, damaged);
    assert.deepEqual(await firstDiagnostics(), first);
    assert.deepEqual(readFileSync(file), rewritten, 'the cache written again is taken');

    assert.deepEqual(await firstDiagnostics(['--no-code-cache']), first);
  });

  test('holds compiled code, nothing of the documents analysed: a pasted secret is not in it', async () => {
    const secret = `sk-proj-${randomBytes(24).toString('base64url')}`;
    const own = mkdtempSync(join(tmpdir(), 'readiness-server-cache-secret-'));
    try {
      const server = await startServer({
        workspaceFolder: sampleWorkspace,
        today: '2025-12-08',
        args: [`--code-cache-dir=${own}`],
      });
      try {
        const text = `${sampleText()}\n\nOPENAI_API_KEY=${secret}\n`;
        const published = await server.open(samplePath, text);
        assert.ok(published.diagnostics.some((d) => d.code === 'secret'));
      } finally {
        await server.stop();
      }
      const [file] = readdirSync(own);
      assert.ok(file);
      const cache = readFileSync(join(own, file));
      for (const encoding of ['utf8', 'utf16le', 'latin1'] as const)
        assert.equal(cache.includes(Buffer.from(secret.slice(8), encoding)), false, encoding);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
