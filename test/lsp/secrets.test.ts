import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { checklistRequest, type ChecklistResult } from '../../server/src/protocol';
import { applyAction } from '../support/edits';
import { startServer, type TestServer } from '../support/lspClient';
import { cliBundle, sampleWorkspace } from '../support/paths';
import { LOG_TOKEN_VALUE, OPENAI_KEY_VALUE, sampleWithSecrets } from '../support/secretSamples';

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

describe('language server: pasted secrets', () => {
  let server: TestServer;
  let secrets: Diagnostic[];
  let uri: string;
  const text = sampleWithSecrets();

  const actionsFor = (diagnostics: Diagnostic[], only?: string[]) =>
    server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;

  before(async () => {
    server = await startServer({ workspaceFolder: sampleWorkspace, today: '2025-12-01' });
    const published = await server.open(join(sampleWorkspace, 'secrets-ENTREGABLES.md'), text);
    uri = published.uri;
    secrets = published.diagnostics.filter((d) => d.code === 'secret');
  });
  after(() => server.stop());

  test('each pasted secret is an error on its value only, and no message holds it', () => {
    assert.equal(secrets.length, 2);
    const lines = text.split('\n');
    const values = secrets.map((d) => lines[d.range.start.line]?.slice(d.range.start.character, d.range.end.character));
    assert.deepEqual(values, [LOG_TOKEN_VALUE, OPENAI_KEY_VALUE]);
    for (const d of secrets) {
      assert.equal(d.severity, 1);
      assert.match(JSON.stringify(d.message), /rotate it/);
      assert.ok(!JSON.stringify(d).includes(LOG_TOKEN_VALUE) && !JSON.stringify(d).includes(OPENAI_KEY_VALUE));
    }
    // Each named by its detector rule's description.
    assert.deepEqual(
      secrets.map((d) => messageOf(d).split(' pasted here')[0]),
      ['Secret in a URL query parameter', 'OpenAI project API key'],
    );
  });

  test('readiness/checklist and the code lenses carry ids and ranges: no secret, no command text', async () => {
    const answer = await server.connection.sendRequest(checklistRequest.method, { uri });
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(lenses.length > 0);
    for (const [what, payload] of [
      ['readiness/checklist', answer],
      ['code lenses', lenses],
    ] as const) {
      const wire = JSON.stringify(payload);
      for (const secret of [LOG_TOKEN_VALUE, OPENAI_KEY_VALUE])
        assert.ok(!wire.includes(secret), `${what} holds a secret`);
      assert.ok(!/curl |\?token=|Authorization:/i.test(wire), `${what} holds command text`);
    }
    const logs = (answer as ChecklistResult).smokeTests.find((t) => t.number === '7');
    assert.equal(logs?.path, null, 'the test whose command holds the token is shown by number only');
  });

  test('"Replace with <LOG_TOKEN>" puts the document\'s own variable back', async () => {
    const actions = await actionsFor(secrets.slice(0, 1));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace with <LOG_TOKEN>', 'Redact this secret', 'Move to secret storage as LOG_TOKEN'],
    );
    const after = applyAction(text, actions[0], uri);
    const line = lineOf(text, LOG_TOKEN_VALUE);
    assert.equal(
      after.split('\n')[line],
      '$ curl -sS -X GET "http://staging-host/api/logs?token=<LOG_TOKEN>" | head -n 40',
    );
    const move = actions[2];
    assert.equal(move?.command?.command, 'readiness.moveSecretToStorage');
    assert.deepEqual(move?.command?.arguments?.slice(1), [secrets[0]?.range, 'LOG_TOKEN']);
  });

  test('"Redact" masks the value with something that is not a placeholder', async () => {
    const actions = await actionsFor(secrets.slice(1, 2));
    const redact = actions.find((a) => a.title === 'Redact this secret');
    const after = applyAction(text, redact, uri);
    assert.equal(after.split('\n')[lineOf(text, OPENAI_KEY_VALUE)], 'Step 4/9 : ENV OPENAI_API_KEY=‹redacted›');
  });

  test('the source action redacts every secret of the document, and the result is clean', async () => {
    const actions = await actionsFor([], ['source.readiness.redactSecrets']);
    assert.equal(actions.length, 1);
    const after = applyAction(text, actions[0], uri);
    assert.ok(!after.includes(LOG_TOKEN_VALUE) && !after.includes(OPENAI_KEY_VALUE));
    const republished = await server.change(uri, 2, after);
    assert.deepEqual(
      republished.diagnostics.filter((d) => d.code === 'secret'),
      [],
    );
  });

  test('readiness.secrets.allow accepts known test credentials', async () => {
    const allowing = await startServer({
      workspaceFolder: sampleWorkspace,
      settings: { secrets: { allow: [`^${LOG_TOKEN_VALUE}$`, '('] } },
    });
    try {
      const published = await allowing.open(join(sampleWorkspace, 'allowed-ENTREGABLES.md'), text);
      assert.deepEqual(
        published.diagnostics.filter((d) => d.code === 'secret').map((d) => messageOf(d).split(' pasted here')[0]),
        ['OpenAI project API key'],
      );
    } finally {
      await allowing.stop();
    }
  });
});

describe('readiness check: secrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-secrets-'));
  writeFileSync(join(dir, 'ENTREGABLES.md'), sampleWithSecrets());

  for (const format of ['text', 'json', 'sarif']) {
    test(`--format ${format} reports them as errors and never prints a value`, () => {
      const result = spawnSync(
        process.execPath,
        [cliBundle, 'check', 'ENTREGABLES.md', '--format', format, '--fail-on', 'error'],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.equal(result.status, 1);
      const output = result.stdout + result.stderr;
      assert.ok(
        !output.includes(LOG_TOKEN_VALUE) && !output.includes(OPENAI_KEY_VALUE),
        'no secret value in the output',
      );
      assert.match(output, format === 'text' ? /ENTREGABLES\.md:\d+:\d+ error secret / : /secret\/openai-project-key/);
    });
  }
});
