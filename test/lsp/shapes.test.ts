// Checklists of other shapes over the protocol: recognised by content under any name, with
// the model's findings, the "Mark as not applicable" quick fix and checks in readiness/checklist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import type { ChecklistResult } from '../../server/src/protocol';
import { applyAction } from '../support/edits';
import { startServer, type TestServer } from '../support/lspClient';
import { fixtures, sampleWorkspace } from '../support/paths';

const corpus = (name: string) => readFileSync(join(fixtures, 'corpus', name), 'utf8');

describe('language server: checklists of other shapes', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspaceFolder: sampleWorkspace, today: '2026-03-05' });
  });
  after(() => server.stop());

  test('a status table under a neutral name is a checklist: overdue rows, and checks in readiness/checklist', async () => {
    const path = join(sampleWorkspace, 'notes', 'telematics.md');
    const published = await server.open(path, corpus('en-priority-column.md'));
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['overdue', 5],
        ['overdue', 6],
      ],
    );
    const result = await server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri: published.uri });
    assert.equal(result.isChecklist, true);
    assert.deepEqual(result.progress, {
      blockers: { done: 1, total: 3 },
      items: { done: 1, total: 5 },
      checks: { done: 1, total: 5 },
    });
  });

  test('an unknown state is information, and "Mark as not applicable" takes the item out of the progress', async () => {
    const path = join(sampleWorkspace, 'notes', 'notifications.md');
    const text = corpus('en-unknown-state.md');
    const published = await server.open(path, text);
    const unknown = published.diagnostics.find((d) => d.code === 'unknown-state') as Diagnostic;
    assert.equal(unknown.severity, 3);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: published.uri },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    })) as CodeAction[];
    const notApplicable = actions.find((a) => a.title === 'Mark item 2 as not applicable');
    assert.ok(notApplicable, actions.map((a) => a.title).join(', '));
    const fixed = applyAction(text, notApplicable, published.uri);
    assert.match(fixed, /\*\*Status\*\*: ➖ Not applicable/);
    const changed = await server.change(published.uri, 2, fixed);
    assert.deepEqual(changed.diagnostics, []);
    const result = await server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri: published.uri });
    assert.deepEqual(result.progress?.items, { done: 1, total: 3 });
  });

  test('a sign-off form: one diagnostic per empty cell and for the decision line outside the rows, each with its quick fix', async () => {
    const path = join(sampleWorkspace, 'notes', 'signoff.md');
    const text = corpus('en-signoff-form.md');
    const published = await server.open(path, text);
    const blanks = published.diagnostics.filter((d) => d.code === 'unfilled-placeholder');
    assert.equal(blanks.length, 17);
    const decision = blanks.find((d) => d.range.start.line === 9) as Diagnostic;
    const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
    assert.match(messageOf(decision), /^Document · Final decision: choose one of: GO, NO-GO/);
    const ask = (d: Diagnostic) =>
      server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: published.uri },
        range: d.range,
        context: { diagnostics: [d] },
      }) as Promise<CodeAction[]>;
    const go = (await ask(decision)).find((a) => a.title.includes('NO-GO'));
    assert.ok(go);
    let fixed = applyAction(text, go, published.uri);
    assert.match(fixed, /\*\*Final decision\*\*: NO-GO$/m);
    const date = blanks.find((d) => d.range.start.line === 4 && /enter the date/.test(messageOf(d))) as Diagnostic;
    const insert = (await ask(date)).find((a) => a.title.includes('2026-03-05'));
    assert.ok(insert);
    fixed = applyAction(fixed, insert, published.uri);
    assert.match(fixed, /^\| Engineering Lead \| \| \| 2026-03-05 \| \|$/m);
    const changed = await server.change(published.uri, 2, fixed);
    assert.equal(changed.diagnostics.filter((d) => d.code === 'unfilled-placeholder').length, 15);
  });

  test('a README with a short roadmap stays quiet', async () => {
    const published = await server.open(join(sampleWorkspace, 'notes', 'README.md'), corpus('en-readme-roadmap.md'));
    assert.deepEqual(published.diagnostics, []);
  });
});
