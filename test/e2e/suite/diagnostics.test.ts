// The editor shows exactly what `readiness check` prints for the same file: one core, two front ends.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import {
  codeOf,
  extension,
  readinessApi,
  readinessDiagnostics,
  sampleUri,
  severityName,
  someReadinessDiagnostics,
  workspaceFile,
  workspaceFolder,
} from '../support/readiness';
import { waitFor } from '../support/waitFor';

interface CliDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** One comparable line per finding, sorted: position, severity, code and message. */
function key(range: CliDiagnostic['range'], severity: string, code: unknown, message: string): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${severity} ${String(code)} ${message}`;
}

async function cliDiagnostics(file: string): Promise<CliDiagnostic[]> {
  // The CLI of the very build under test. In desktop VS Code process.execPath is Electron,
  // which ELECTRON_RUN_AS_NODE turns into plain node; in code-server it is node already.
  const cli = join(extension().extensionPath, 'dist', 'cli.js');
  const locale = vscode.env.language.startsWith('es') ? 'es' : 'en';
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cli, 'check', file, '--format', 'json', '--fail-on', 'none', '--locale', locale],
    {
      cwd: workspaceFolder().uri.fsPath,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const report = JSON.parse(stdout) as { files: { diagnostics: CliDiagnostic[] }[] };
  assert.equal(report.files.length, 1);
  return report.files[0]?.diagnostics ?? [];
}

suite('diagnostics', () => {
  test('ENTREGABLES.md: the diagnostics are exactly what the CLI reports for the file', async () => {
    await vscode.window.showTextDocument(sampleUri());
    const shown = await someReadinessDiagnostics(sampleUri());
    const unfilled = shown.filter((d) => codeOf(d) === 'unfilled-placeholder');
    assert.ok(unfilled.length > 100, `expected the sample's many unfilled placeholders, got ${unfilled.length}`);

    const fromCli = await cliDiagnostics(sampleUri().fsPath);
    const editorKeys = shown.map((d) => key(d.range, severityName(d.severity), codeOf(d), d.message)).sort();
    const cliKeys = fromCli.map((d) => key(d.range, d.severity, d.code, d.message)).sort();
    assert.deepEqual(editorKeys, cliKeys);
  });

  test('filling a placeholder in the editor removes its diagnostic; reverting brings it back', async () => {
    const editor = await vscode.window.showTextDocument(sampleUri());
    const before = await someReadinessDiagnostics(sampleUri());
    const api = await readinessApi();
    const placeholder = '[PEGAR ENLACE AL PR]';
    const offset = editor.document.getText().indexOf(placeholder);
    assert.ok(offset >= 0, `the sample has ${placeholder}`);
    const range = new vscode.Range(
      editor.document.positionAt(offset),
      editor.document.positionAt(offset + placeholder.length),
    );
    const isSample = (uri: vscode.Uri) => uri.toString() === sampleUri().toString();

    const edited = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => isSample(uri) && readinessDiagnostics(uri).length === before.length - 1,
      'one diagnostic fewer after the edit',
    );
    assert.ok(await editor.edit((edit) => edit.replace(range, 'https://example.com/pull/42')));
    await edited;
    assert.ok(
      !readinessDiagnostics(sampleUri()).some((d) => d.range.isEqual(range)),
      'the filled placeholder has no diagnostic left',
    );

    // Undo the edit (the fixture is read-only on disk) and see the diagnostic return.
    const reverted = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => isSample(uri) && readinessDiagnostics(uri).length === before.length,
      'the diagnostics of the original text',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await reverted;
    assert.equal(editor.document.isDirty, false);
  });

  test('a checklist with thousands of findings gets the 1000 VS Code shows, errors first, and a count of the rest', async () => {
    const sample = (await vscode.workspace.openTextDocument(sampleUri())).getText();
    const big = workspaceFile('BIG-ENTREGABLES.md');
    await vscode.workspace.fs.writeFile(
      big,
      new TextEncoder().encode(Array.from({ length: 8 }, () => sample).join('\n')),
    );
    try {
      await vscode.window.showTextDocument(big);
      const shown = await someReadinessDiagnostics(big);
      assert.equal(shown.length, 1000);
      assert.equal(codeOf(shown[0]), 'too-many-findings');
      // Every finding, as the CLI reports them; the editor is given the first 999 by severity, in document order.
      const all = await cliDiagnostics(big.fsPath);
      assert.match(shown[0]?.message ?? '', new RegExp(`^Showing 999 of ${all.length} findings, errors first`));
      const order = ['error', 'warning', 'information', 'hint'];
      const kept = new Set(
        [...all.keys()]
          .sort((a, b) => order.indexOf(all[a]?.severity ?? '') - order.indexOf(all[b]?.severity ?? '') || a - b)
          .slice(0, 999),
      );
      assert.deepEqual(
        shown
          .slice(1)
          .map((d) => key(d.range, severityName(d.severity), codeOf(d), d.message))
          .sort(),
        all
          .filter((_, i) => kept.has(i))
          .map((d) => key(d.range, d.severity, d.code, d.message))
          .sort(),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(big);
    }
  });
});
