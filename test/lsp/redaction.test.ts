import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import {
  checklistRequest,
  smokeTestTreeRequest,
  workspaceChecklistsRequest,
  type SmokeTestTreeResult,
} from '../../server/src/protocol';
import { startServer, type TestServer } from '../support/lspClient';
import { cliBundle } from '../support/paths';
import { leakedIn, plantedChecklist } from '../support/plantedSecrets';

// Every output path of the server and of the CLI, on a checklist with secrets planted in
// titles, headings, Owner/Deadline values, choice options, brackets, JSON, a bearer token
// over a blank and a code-span path: no planted value appears, nor 12 characters of one.
describe('one redaction point: planted secrets never leave', () => {
  const folder = mkdtempSync(join(tmpdir(), 'readiness-planted-'));
  const path = join(folder, 'ENTREGABLES.md');
  const text = plantedChecklist();
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  let server: TestServer;
  let diagnostics: Diagnostic[];

  before(async () => {
    server = await startServer({
      workspaceFolder: folder,
      today: '2025-12-08',
      settings: { trace: { server: 'verbose' } },
    });
    diagnostics = (await server.open(path, text)).diagnostics;
  });
  after(() => server.stop());

  test("diagnostics, hovers, completions, code actions, symbols, lenses, links, the checklist view, the Testing view's tree, the workspace scan and logs", async () => {
    const answers: unknown[] = [diagnostics];
    assert.ok(diagnostics.some((d) => d.code === 'secret'));
    const lines = text.split('\n');
    for (const [line, content] of lines.entries()) {
      const columns = new Set(
        [0, content.indexOf('['), content.indexOf('[') + 3, content.indexOf('`') + 2, content.length - 1].filter(
          (c) => c >= 0,
        ),
      );
      for (const character of columns) {
        const position = { line, character };
        answers.push(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
        answers.push(await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
      }
      const range = { start: { line, character: 0 }, end: { line, character: content.length } };
      const context = {
        diagnostics: diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line),
      };
      answers.push(
        await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }),
      );
    }
    answers.push(
      await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source'] },
      }),
    );
    answers.push(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
    answers.push(await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }));
    answers.push(await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } }));
    answers.push(await server.connection.sendRequest(checklistRequest.method, { uri }));
    const tree: SmokeTestTreeResult = await server.connection.sendRequest(smokeTestTreeRequest.method, { uri });
    // The smoke test whose command carries a token is listed (its label is part of the walk).
    assert.equal(tree.checklists[0]?.items[0]?.tests.length, 1);
    answers.push(tree);
    answers.push(await server.connection.sendRequest(smokeTestTreeRequest.method, {}));
    answers.push(await server.connection.sendRequest(workspaceChecklistsRequest.method, {}));
    answers.push(server.logMessages);
    // Code action edits put the document's own text back (the choice's option is a completion too):
    // what a quick fix writes is not an output; its title is.
    const wire = JSON.stringify(answers, (key, value: unknown) =>
      key === 'newText' || key === 'edit' || key === 'textEdit' ? undefined : value,
    );
    assert.deepEqual(leakedIn(wire), []);
    // The planted blanks and titles are still there, masked.
    assert.match(wire, /‹redacted›/);
  });

  for (const format of ['text', 'json', 'sarif']) {
    test(`readiness check --format ${format}`, () => {
      const result = spawnSync(
        process.execPath,
        [cliBundle, 'check', path, '--format', format, '--today', '2025-12-08'],
        { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
      );
      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(leakedIn(result.stdout + result.stderr), []);
      assert.match(result.stdout, /‹redacted›/);
    });
  }
});
