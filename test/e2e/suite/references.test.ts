// Files the checklist points at: the sample's item 18 lists five playbooks that its workspace
// lacks. The quick fix creates one from its template in a real VS Code, and the file watcher
// takes its missing-file diagnostic away. The test removes what it created.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  readinessApi,
  readinessDiagnostics,
  sampleUri,
  workspaceFile,
  codeActionsAt,
} from '../support/readiness';
import { eventually, waitFor } from '../support/waitFor';

const PLAYBOOK = 'docs/playbooks/disk-full.md';
const LISTED = '  - disk-full.md';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

suite('files the checklist points at', () => {
  const docs = workspaceFile('docs');
  const playbook = workspaceFile(PLAYBOOK);
  let docsExisted = false;

  suiteSetup(async () => {
    docsExisted = await exists(docs);
    // A run that stopped half-way may have left the playbook behind.
    if (await exists(playbook)) await vscode.workspace.fs.delete(playbook);
  });

  suiteTeardown(async () => {
    for (const document of vscode.workspace.textDocuments.filter(
      (d) => d.uri.toString() === playbook.toString() && d.isDirty,
    ))
      await document.save();
    await vscode.workspace.fs
      .delete(docsExisted ? playbook : docs, { recursive: true, useTrash: false })
      .then(undefined, () => undefined);
  });

  test(`${PLAYBOOK}: its quick fix creates it from the playbook template and the missing-file diagnostic goes`, async () => {
    const editor = await vscode.window.showTextDocument(sampleUri());
    const lines = editor.document.getText().split('\n');
    const line = lines.findIndex((l) => l === LISTED);
    assert.ok(line >= 0, `the sample lists ${LISTED.trim()} under docs/playbooks/`);
    const range = new vscode.Range(line, 4, line, LISTED.length);
    const onIt = (d: vscode.Diagnostic) => codeOf(d) === 'missing-file' && d.range.start.line === line;
    const isSample = (uri: vscode.Uri) => uri.toString() === sampleUri().toString();

    await eventually(
      () => readinessDiagnostics(sampleUri()).find(onIt),
      vscode.languages.onDidChangeDiagnostics,
      `a missing-file diagnostic on ${PLAYBOOK}`,
    );
    const actions = await codeActionsAt<vscode.CodeAction>(sampleUri(), range, vscode.CodeActionKind.QuickFix.value);
    // "Create docs/playbooks/disk-full.md from template", in the display language.
    const create = actions.find((a) => a.title.includes(PLAYBOOK) && a.isPreferred === true);
    assert.ok(create?.edit, `quick fixes offered: ${JSON.stringify(actions.map((a) => a.title))}`);

    const api = await readinessApi();
    const gone = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => isSample(uri) && !readinessDiagnostics(sampleUri()).some(onIt),
      `the missing-file diagnostic of ${PLAYBOOK} to go`,
    );
    assert.ok(await vscode.workspace.applyEdit(create.edit, { isRefactoring: true }), 'the workspace edit applied');
    // With files.refactoring.autoSave off the new file is still dirty: save it as the user would.
    const created = await vscode.workspace.openTextDocument(playbook);
    if (created.isDirty) assert.ok(await created.save());
    await gone;

    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(playbook));
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, [
      '# Playbook: Disk full',
      '## Síntomas',
      '## Impacto',
      '## Diagnóstico',
      '## Mitigación',
      '## Escalamiento',
      '## Seguimiento',
    ]);
  });
});
