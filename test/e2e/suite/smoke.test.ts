// Running a smoke test from its code lens in a real VS Code: the lens's command goes to the
// language server, which calls the staging stand-in (started by scripts/e2e/run.mjs on loopback)
// and pastes the evidence into the editor. The base URL is a user setting of the run's
// throwaway profile; the fixture is reverted afterwards and never saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunSmokeTestsResult } from '../../../server/src/protocol';
import { readinessApi, sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { screenshot } from '../support/screenshot';
import { waitFor } from '../support/waitFor';

function stagingUrl(): string {
  const url = process.env['READINESS_E2E_STAGING_URL'];
  assert.ok(
    url,
    'READINESS_E2E_STAGING_URL is not set: run the suite with npm run test:e2e, which starts the staging stand-in',
  );
  return url;
}

suite('smoke tests', () => {
  const settings = () => vscode.workspace.getConfiguration('readiness.smoke');

  suiteSetup(() => settings().update('baseUrl', stagingUrl(), vscode.ConfigurationTarget.Global));
  suiteTeardown(() => settings().update('baseUrl', undefined, vscode.ConfigurationTarget.Global));

  test('"▶ Run smoke test 2" from its code lens pastes the response, the session id, the status and the time', async () => {
    const editor = await vscode.window.showTextDocument(sampleUri(), { preview: false });
    await someReadinessDiagnostics(sampleUri());
    const before = editor.document.getText();

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      sampleUri(),
    );
    const titles = lenses.map((lens) => lens.command?.title);
    assert.equal(titles[0], '▶ Run all smoke tests');
    const lens = lenses.find((l) => l.command?.title === '▶ Run smoke test 2');
    assert.ok(lens?.command, `code lenses: ${JSON.stringify(titles)}`);
    assert.equal(editor.document.lineAt(lens.range.start.line + 1).text, '# SMOKE TEST 2: /api/greeting');

    const args: unknown[] = lens.command.arguments ?? [];
    const result = await vscode.commands.executeCommand<RunSmokeTestsResult | undefined>(lens.command.command, ...args);
    assert.ok(result, 'the command ran the test');
    assert.equal(result.error, undefined);
    assert.deepEqual([result.passed, result.failed, result.written], [1, 0, true]);

    const text = editor.document.getText();
    assert.match(
      text,
      /-d '\{\}' \| jq\n\{\n {2}"sessionId": "sess_\d+",\n {2}"message": "¡Hola! Soy el asistente de staging\."\n\}\nSessionId obtenido: sess_\d+\nEstado: ✅ PASSED\nTiempo de respuesta: [\d.]+ms\n\n# =+\n# SMOKE TEST 3/,
    );
    const top = new vscode.Position(Math.max(0, lens.range.start.line - 2), 0);
    editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop);
    await screenshot('smoke-evidence', { waitForSelector: '.monaco-editor .codelens-decoration a' });
    // Only test 2's fields changed: the other six placeholders are still there; its stamp follows the block.
    assert.equal(text.split('\n').filter((line) => line === '[PEGAR SALIDA AQUÍ]').length, 6);
    assert.equal(text.split('\n').length, before.split('\n').length + 4);
    const host = new URL(stagingUrl()).host;
    const stampLine = text.split('\n').findIndex((line) => line.startsWith('<!-- readiness:evidence v1 test=2 '));
    assert.equal(editor.document.lineAt(stampLine - 1).text, '```');
    assert.ok(
      editor.document.lineAt(stampLine).text.includes(` host=${host} `),
      editor.document.lineAt(stampLine).text,
    );

    // The stamp in words, hovering the pasted response.
    const output = new vscode.Position(lens.range.start.line + 6, 4);
    assert.match(editor.document.lineAt(output.line).text, /"sessionId": "sess_\d+"/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      sampleUri(),
      output,
    );
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(
      shown,
      new RegExp(
        `\\*\\*Evidence of smoke test 2\\*\\*: ran just now \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\) against ${host.replace(/\./g, '\\.')}, HTTP 200 in \\d+ ms, unchanged since`,
      ),
    );
    editor.selection = new vscode.Selection(output, output);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('evidence-hover', {
      waitForSelector: '.monaco-hover:not(.hidden) .hover-contents',
      pressAfter: 'Escape',
    });

    // The fixture stays as it is on disk: revert, and see the server analyse the original text again.
    const api = await readinessApi();
    const published = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => uri.toString() === sampleUri().toString(),
      'the diagnostics of the reverted sample',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await published;
    assert.equal(editor.document.getText(), before);
  });
});
