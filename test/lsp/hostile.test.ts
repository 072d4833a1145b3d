import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { hostileInputs, SENTINELS } from '../support/hostile';
import { startServer, type TestServer } from '../support/lspClient';
import { samplePath, sampleText, sampleWorkspace } from '../support/paths';

// While a hostile document is analysed the server keeps answering: its analysis runs in steps,
// and between steps the server reads and answers other messages. Ordering by events, not timing.
describe('language server: hostile documents', () => {
  let server: TestServer;
  const folder = mkdtempSync(join(tmpdir(), 'readiness-hostile-'));
  const sample = sampleText();
  const sampleUri = pathToFileURL(samplePath).href;

  before(async () => {
    // Every finding published, however many: the sentinels are looked for among them.
    server = await startServer({
      workspaceFolder: sampleWorkspace,
      today: '2025-12-08',
      settings: { maxProblems: 1e6 },
    });
    await server.open(samplePath, sample);
  });
  after(() => server.stop());

  test('a hover on another document and a second document are answered before the hostile one is done', async () => {
    // Every hostile shape in one document of many sections.
    const hostile = hostileInputs(0.5)
      // The shapes of up to 500 KB each (the others are in test/unit/hostile.test.ts), 2 MB in all.
      .filter((i) => i.text.length < 500_000)
      .map((i) => i.text)
      .join('\n\n');
    const hostileUri = pathToFileURL(join(folder, 'ENTREGABLES-hostile.md')).href;
    const otherPath = join(folder, 'ENTREGABLES-other.md');
    const events: string[] = [];
    const hostileDone = server.nextDiagnostics(hostileUri, 1).then((published) => {
      events.push('hostile published');
      return published;
    });
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: hostileUri, languageId: 'markdown', version: 1, text: hostile },
    });

    // One hover after another, each sent once the previous one is answered: a server busy with the
    // hostile document in one go would answer at most the first before publishing it.
    const line = sample.split('\n').findIndex((l) => l.includes('[PEGAR ENLACE AL PR]'));
    const position = { line, character: sample.split('\n')[line]?.indexOf('[') ?? 0 };
    let hover: Hover | null = null;
    let answered = 0;
    let otherOpened: Promise<unknown> | undefined;
    while (!events.includes('hostile published') && answered < 10_000) {
      hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: sampleUri }, position });
      if (!events.includes('hostile published')) answered++;
      if (answered === 2) {
        otherOpened = server
          .open(otherPath, '## A\n\n### 1. Solo\n**Estado**: ⏳ Pendiente\n- Link: [PEGAR ENLACE]\n')
          .then(() => events.push('other published'));
      }
    }
    await otherOpened;
    const published = await hostileDone;
    assert.ok(hover !== null && JSON.stringify(hover.contents).includes('PEGAR ENLACE AL PR'));
    assert.ok(answered >= 3, `${answered} hovers answered while the hostile document was analysed`);
    assert.deepEqual(events, ['other published', 'hostile published']);

    const hostileLines = hostile.split(/\r\n|\r|\n/);
    const quoted = published.diagnostics.map((d) =>
      hostileLines[d.range.start.line]?.slice(d.range.start.character, d.range.end.character),
    );
    for (const sentinel of SENTINELS) assert.ok(quoted.includes(sentinel), sentinel);
    assert.ok(published.diagnostics.some((d) => d.code === 'plain-text-block' && d.severity === 3));
  });
});
