// The workspace is the fence: hovers, document links and diagnostics of file references
// resolve only inside the workspace folder. A path that leaves it (`../..`, absolute,
// `~/`, or a symbolic link out of it) gets a plain "outside the workspace" note and
// reveals nothing of what is there: no size, time, heading, existence or link.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DocumentLinkRequest,
  HoverRequest,
  type Diagnostic,
  type DocumentLink,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { fencedWorkspace, OUTSIDE_SPANS, SECRET_HEADING } from '../support/fencedWorkspace';
import { startServer, type TestServer } from '../support/lspClient';

describe('language server: the workspace is the fence', () => {
  let server: TestServer;
  let fixture: ReturnType<typeof fencedWorkspace>;
  let uri: string;
  let diagnostics: Diagnostic[];
  before(async () => {
    fixture = fencedWorkspace();
    server = await startServer({ workspaceFolder: fixture.workspace, today: '2025-12-08' });
    const opened = await server.open(join(fixture.workspace, 'ENTREGABLES.md'), fixture.checklist);
    uri = opened.uri;
    diagnostics = opened.diagnostics;
  });
  after(async () => {
    await server.stop();
    rmSync(fixture.root, { recursive: true, force: true });
  });

  const lines = () => fixture.checklist.split('\n');
  const hoverOn = (needle: string, line = lines().findIndex((l) => l.includes(needle))) =>
    server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: (lines()[line] ?? '').indexOf(needle) + 1 },
    });
  const text = (hover: Hover | null) =>
    hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';

  test('every outside path: a plain note in the hover, nothing of the file', async () => {
    for (const span of OUTSIDE_SPANS) {
      const hover = text(await hoverOn(`\`${span}\``.slice(1)));
      assert.match(hover, /outside the workspace: not looked at/, span);
      assert.doesNotMatch(
        hover,
        /exists|does not exist|Size|Modified|heading|KB|\d{4}-\d\d-\d\d/i,
        `${span}: ${hover}`,
      );
      assert.ok(!hover.includes(SECRET_HEADING) && !hover.includes(fixture.outside), span);
    }
    // Inside, the hover still tells what is there.
    assert.match(text(await hoverOn('docs/runbook.md')), /exists[\s\S]*Runbook/);
  });

  test('the fenced File: and Directory: lines too', async () => {
    const fenced = lines().findIndex((l) => l.startsWith('- File: '));
    assert.match(text(await hoverOn('../outside/secret.md', fenced)), /outside the workspace/);
    assert.match(text(await hoverOn('keys.md', fenced + 2)), /outside the workspace/);
  });

  test('no document link and no diagnostic reveals an outside path', async () => {
    const links = (await server.connection.sendRequest(DocumentLinkRequest.type, {
      textDocument: { uri },
    })) as DocumentLink[];
    assert.deepEqual(
      links.map((l) =>
        fixture.checklist.split('\n')[l.range.start.line]?.slice(l.range.start.character, l.range.end.character),
      ),
      ['docs/runbook.md'],
    );
    const references = diagnostics.filter((d) => d.code === 'missing-file');
    assert.deepEqual(references, []);
    assert.ok(!JSON.stringify(diagnostics).includes(SECRET_HEADING));
  });
});
