// The verdict and the report over the protocol, the header's fixes, and the last-updated bump.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import type { ChecklistResult, ReportResult } from '../../server/src/protocol';
import { applyAction, applyEdits, editsFor } from '../support/edits';
import { startServer, type TestServer } from '../support/lspClient';
import { fixtures, readFixture, samplePath, sampleText, sampleWorkspace } from '../support/paths';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

describe('language server: verdict and report', () => {
  let server: TestServer;
  const uri = pathToFileURL(samplePath).href;

  before(async () => {
    server = await startServer({ workspaceFolder: sampleWorkspace, today: '2025-12-08' });
    await server.open(samplePath, sampleText());
  });
  after(() => server.stop());

  test('readiness/checklist carries the verdict: NO-GO with the six blockers as reasons', async () => {
    const result = await server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri });
    assert.equal(result.verdict?.decision, 'no-go');
    assert.equal(result.verdict?.summary, 'NO-GO: 6 of 6 blockers pending');
    assert.deepEqual(
      result.verdict?.reasons.map((r) => r.itemId),
      ['1', '2', '3', '4', '5', '6'],
    );
  });

  test('readiness/report: HTML for a webview with its nonce, markdown, JSON', async () => {
    const nonce = 'aZ09aZ09aZ09aZ09aZ09';
    const html = await server.connection.sendRequest<ReportResult>('readiness/report', { uri, format: 'html', nonce });
    assert.equal(html.isChecklist, true);
    assert.equal(html.version, 1);
    assert.equal(html.verdict?.decision, 'no-go');
    assert.equal(html.title, '📦 ENTREGABLES PARA SUPERVISOR DE PRODUCCIÓN');
    assert.match(html.content, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.match(html.content, /<tr id="item-1" class="blocker overdue" data-line="19" tabindex="0">/);
    // The workspace has no runbook: the report says so, as the diagnostics do.
    assert.match(html.content, /<code>docs\/runbook\.md<\/code><\/td><td>17<\/td><td><span class="ref missing">/);
    const md = await server.connection.sendRequest<ReportResult>('readiness/report', { uri, format: 'md' });
    assert.match(md.content, /^## ⛔ NO-GO/);
    const json = await server.connection.sendRequest<ReportResult>('readiness/report', { uri, format: 'json' });
    assert.equal((JSON.parse(json.content) as { schema: string }).schema, 'readiness-report/1');
  });

  test('a nonce that is not a plain token is not used', async () => {
    const html = await server.connection.sendRequest<ReportResult>('readiness/report', {
      uri,
      format: 'html',
      nonce: `x"><script>alert(1)</script>`,
    });
    assert.doesNotMatch(html.content, /<script/);
    assert.doesNotMatch(html.content, /alert/);
  });

  test('not a checklist, or not open: no report', async () => {
    const readme = join(sampleWorkspace, 'README.md');
    await server.open(readme, '# Notes\n\nNothing to check here.\n');
    const result = await server.connection.sendRequest<ReportResult>('readiness/report', {
      uri: pathToFileURL(readme).href,
      format: 'html',
    });
    assert.deepEqual(result, { uri: pathToFileURL(readme).href, version: 1, isChecklist: false, content: '' });
  });

  test('readiness/setState also bumps "Última Actualización" to today', async () => {
    assert.equal(
      await server.connection.sendRequest<boolean>('readiness/setState', { uri, itemId: '2', state: 'done' }),
      true,
    );
    const after = applyEdits(sampleText(), editsFor(server.appliedEdits.at(-1)?.edit, uri)).split('\n');
    assert.equal(after[4], '**Última Actualización**: 2025-12-08  ');
    assert.equal(
      after[lineOf(sampleText(), '**Última actualización**: 2025-12-07')],
      '**Última actualización**: 2025-12-08  ',
    );
  });
});

describe('language server: header fixes, and the bump turned off', () => {
  let server: TestServer;
  const path = join(fixtures, 'gate', 'ENTREGABLES.completo.md');
  const uri = pathToFileURL(path).href;
  const text = readFixture('gate', 'ENTREGABLES.completo.md')
    .replace('**Estado General**: ✅ **GO: LISTO PARA CANARY**', '**Estado General**: ⏳ **PENDIENTE**')
    .replace('**Última Actualización**: 2025-12-09', '**Última Actualización**: 2025-12-01');
  let diagnostics: Diagnostic[];

  before(async () => {
    server = await startServer({
      workspaceFolder: join(fixtures, 'gate'),
      today: '2025-12-10',
      settings: { header: { bumpLastUpdated: false } },
    });
    diagnostics = (await server.open(path, text)).diagnostics;
  });
  after(() => server.stop());

  const actionsAt = (d: Diagnostic) =>
    server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    }) as Promise<CodeAction[]>;

  test('the overall status that contradicts the GO gets a fix to GO', async () => {
    const status = diagnostics.find((d) => d.code === 'status-mismatch' && d.range.start.line === 5);
    assert.equal(status?.message, '"Estado General" says "⏳ PENDIENTE", but the verdict is GO');
    const fix = (await actionsAt(status)).find((a) => a.title === 'Set it to "✅ GO: LISTO PARA CANARY"');
    assert.equal(applyAction(text, fix, uri).split('\n')[5], '**Estado General**: ✅ **GO: LISTO PARA CANARY**');
  });

  test('a stale "Última Actualización" gets a fix to today; with the bump off, fixes touch nothing else', async () => {
    const stale = diagnostics.find((d) => d.code === 'status-mismatch' && d.range.start.line === 4);
    assert.ok(stale);
    assert.match(
      typeof stale.message === 'string' ? stale.message : stale.message.value,
      /says 2025-12-01, but the evidence records work on 2025-12-09/,
    );
    const fix = (await actionsAt(stale)).find((a) => a.title === 'Set the date to 2025-12-10');
    const after = applyAction(text, fix, uri);
    assert.equal(after.split('\n')[4], '**Última Actualización**: 2025-12-10  ');
    const status = diagnostics.find((d) => d.range.start.line === 5) as Diagnostic;
    const statusFix = (await actionsAt(status)).find((a) => a.isPreferred);
    assert.equal(editsFor(statusFix?.edit, uri).length, 1, 'no bump when readiness.header.bumpLastUpdated is false');
  });
});
