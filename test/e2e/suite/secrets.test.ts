// A key pasted into the checklist is flagged as an error and redacted by its quick fix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  readinessApi,
  readinessDiagnostics,
  sampleUri,
  someReadinessDiagnostics,
  codeActionsAt,
} from '../support/readiness';
import { waitFor } from '../support/waitFor';

// Synthetic: it follows the format of an OpenAI project key and nothing more.
const KEY = `sk-proj-${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5m'}`;

suite('secrets', () => {
  test('a pasted OpenAI key is flagged on its value and "Redact this secret" removes it', async () => {
    const editor = await vscode.window.showTextDocument(sampleUri());
    await someReadinessDiagnostics(sampleUri());
    const api = await readinessApi();
    const isSample = (uri: vscode.Uri) => uri.toString() === sampleUri().toString();
    const secrets = () => readinessDiagnostics(sampleUri()).filter((d) => codeOf(d) === 'secret');
    const placeholder = '[PEGAR LOG DE BUILD DOCKER]';
    const offset = editor.document.getText().indexOf(placeholder);
    assert.ok(offset >= 0, `the sample has ${placeholder}`);

    const flagged = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => isSample(uri) && secrets().length === 1,
      'a secret diagnostic',
    );
    await editor.edit((edit) =>
      edit.replace(
        new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + placeholder.length)),
        `ENV OPENAI_API_KEY=${KEY}`,
      ),
    );
    await flagged;
    const [secret] = secrets();
    assert.ok(secret);
    assert.equal(secret.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(secret.range), KEY);
    assert.ok(!secret.message.includes(KEY), 'the message does not repeat the value');

    const actions = await codeActionsAt<vscode.CodeAction>(
      sampleUri(),
      secret.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace with <OPENAI_API_KEY>'), JSON.stringify(titles));
    assert.ok(titles.includes('Move to secret storage as OPENAI_API_KEY'), JSON.stringify(titles));
    const redact = actions.find((a) => a.title === 'Redact this secret');
    assert.ok(redact?.edit);
    const cleared = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => isSample(uri) && secrets().length === 0,
      'no secret diagnostic after redacting',
    );
    assert.ok(await vscode.workspace.applyEdit(redact.edit));
    await cleared;
    assert.ok(editor.document.getText().includes('ENV OPENAI_API_KEY=‹redacted›'));
    assert.ok(!editor.document.getText().includes(KEY));

    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
