import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Range,
} from 'vscode-languageserver-protocol/node';
import type { ChecklistChangedParams, ChecklistResult } from '../../server/src/protocol';
import { applyAction, applyEdits, editsFor } from '../support/edits';
import { startServer, type TestServer } from '../support/lspClient';
import { fixtures, samplePath, sampleText, sampleWorkspace } from '../support/paths';

const lineOf = (text: string, needle: string, from = 0) =>
  text.split('\n').findIndex((line, i) => i >= from && line.includes(needle));
const at = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });

describe('language server: editor features on the sample', () => {
  let server: TestServer;
  let diagnostics: Diagnostic[];
  const text = sampleText();
  const uri = pathToFileURL(samplePath).href;
  const changes: ChecklistChangedParams[] = [];

  const actions = (range: Range, only?: string[]) =>
    server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: {
        diagnostics: diagnostics.filter(
          (d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line,
        ),
        ...(only ? { only } : {}),
      },
    }) as Promise<CodeAction[]>;

  before(async () => {
    server = await startServer({ workspaceFolder: sampleWorkspace, today: '2025-12-08' });
    server.connection.onNotification('readiness/checklistChanged', (params: ChecklistChangedParams) => {
      changes.push(params);
    });
    diagnostics = (await server.open(samplePath, text)).diagnostics;
  });
  after(() => server.stop());

  test('a choice placeholder offers one quick fix per option', async () => {
    const line = lineOf(text, 'Estado: [✅ PASSED / ❌ FAILED]');
    const result = await actions(at(line, 10));
    const chooses = result.filter((a) => a.title.startsWith('Choose'));
    assert.deepEqual(
      chooses.map((a) => a.title),
      ['Choose "✅ PASSED"', 'Choose "❌ FAILED"'],
    );
    assert.equal(chooses[0]?.kind, 'quickfix');
    assert.equal(chooses[0]?.diagnostics?.[0]?.code, 'unfilled-placeholder');
    const after = applyAction(text, chooses[0], uri);
    assert.equal(after.split('\n')[line], 'Estado: ✅ PASSED');
    assert.equal(after.split('\n').length, text.split('\n').length);
  });

  test("a date placeholder gets today's date and time", async () => {
    const line = lineOf(text, 'Fecha: [YYYY-MM-DD HH:MM]');
    const result = await actions(at(line, 9));
    const insert = result.find((a) => a.title.startsWith("Insert today's date"));
    assert.match(applyAction(text, insert, uri).split('\n')[line] ?? '', /^Fecha: 2025-12-08 \d{2}:\d{2}$/);
  });

  test('on an item heading: set its state, and the summary box follows', async () => {
    const line = lineOf(text, '### 3. Smoke Tests');
    const result = await actions(at(line, 5));
    assert.deepEqual(
      result.map((a) => a.title),
      ['Set item 3 to "🔄 En progreso"', 'Set item 3 to "✅ Completado"', 'Set item 3 to "❌ Bloqueado"'],
    );
    const after = applyAction(text, result[1], uri).split('\n');
    assert.equal(after[lineOf(text, '**Estado**', line)], '**Estado**: ✅ Completado');
    assert.equal(after[lineOf(text, '- [ ] Smoke Tests')], '- [x] Smoke Tests');
  });

  test('hover on a placeholder says what it expects, its item and owner', async () => {
    const line = lineOf(text, 'Estado: [✅ PASSED / ❌ FAILED]');
    const hover = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: 12 },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Expects: one of: `✅ PASSED`, `❌ FAILED`/);
    assert.match(value, /Item 3 · Smoke Tests · Owner: QA/);
    assert.deepEqual(hover.range, { start: { line, character: 8 }, end: { line, character: 29 } });
  });

  test('hover on an item heading gives state, owner, due date and what is open', async () => {
    const line = lineOf(text, '### 1. PR Final');
    const hover = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: 8 },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    for (const part of [
      'State: pending',
      'Owner: Dev Lead / Dev + CI',
      'Due: 2025-12-07 (Hoy)',
      'Open placeholders: 2',
      'Unchecked boxes: 3',
    ])
      assert.ok(value.includes(part), part);
  });

  test('completion offers the Estado values and the options of a choice', async () => {
    const stateLine = lineOf(text, '**Estado**: ⏳ Pendiente');
    const states = (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: stateLine, character: 14 },
    })) as CompletionItem[];
    assert.deepEqual(
      states.map((c) => c.label),
      ['⏳ Pendiente', '🔄 En progreso', '✅ Completado', '❌ Bloqueado', '⚠️ En riesgo', '➖ No aplica'],
    );
    const choiceLine = lineOf(text, 'Resultado: [✅ ÉXITO / ❌ FALLO]');
    const options = (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: choiceLine, character: 13 },
    })) as CompletionItem[];
    assert.deepEqual(
      options.map((c) => c.label),
      ['✅ ÉXITO', '❌ FALLO'],
    );
    const textEdit = options[0]?.textEdit;
    assert.ok(textEdit && 'range' in textEdit);
    assert.equal(applyEdits(text, [textEdit]).split('\n')[choiceLine], 'Resultado: ✅ ÉXITO');
  });

  test('the outline shows groups with their items and states', async () => {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    const groups = symbols.filter((s) => s.children && s.children.length > 0);
    assert.equal(groups.length, 8);
    assert.equal(groups.flatMap((g) => g.children ?? []).length, 21);
    assert.equal(groups[0]?.detail, '0/6');
    assert.equal(groups[0]?.children?.[2]?.name, '3. Smoke Tests Pasados en Staging/Canary');
    assert.equal(groups[0]?.children?.[2]?.detail, 'pending · QA');
  });

  test('readiness/checklist returns the view model: progress, verdict, items with their open placeholders', async () => {
    const result = await server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri });
    assert.equal(result.isChecklist, true);
    assert.equal(result.version, 1);
    assert.deepEqual(result.progress, {
      blockers: { done: 0, total: 6 },
      items: { done: 0, total: 21 },
      checks: { done: 0, total: 26 },
    });
    assert.equal(result.checklist?.items.length, 21);
    assert.equal(result.verdict?.decision, 'no-go');
    assert.deepEqual(result.verdict?.blockers, { ready: 0, total: 6, declared: true });
    const placeholders = result.checklist?.items.flatMap((item) => item.placeholders) ?? [];
    assert.equal(placeholders.length, diagnostics.filter((d) => d.code === 'unfilled-placeholder').length);
    // The view model, not the core's model: no fences, no file references, no date to compare against.
    const keys = new Set<string>();
    // (The verdict's `summary` is its sentence, not the core model's summary table: it is checked apart.)
    const { verdict, ...rest } = result;
    const { summary, ...verdictRest } = verdict ?? { summary: undefined };
    JSON.stringify({ ...rest, verdict: verdictRest }, (key, value: unknown) => (keys.add(key), value));
    assert.equal(typeof summary, 'string');
    for (const internal of ['fences', 'references', 'today', 'checkboxes', 'summary', 'command'])
      assert.ok(!keys.has(internal), `the answer carries ${internal}`);
    assert.ok(changes.some((c) => c.uri === uri && c.isChecklist));
  });

  test('readiness/setState edits the Estado and the summary through workspace/applyEdit', async () => {
    const applied = await server.connection.sendRequest<boolean>('readiness/setState', {
      uri,
      itemId: '2',
      state: 'done',
    });
    assert.equal(applied, true);
    const edit = server.appliedEdits.at(-1)?.edit;
    const after = applyEdits(text, editsFor(edit, uri)).split('\n');
    assert.equal(after[lineOf(text, '**Estado**', lineOf(text, '### 2. CI Verde'))], '**Estado**: ✅ Completado');
    assert.equal(after[lineOf(text, '- [ ] CI Verde')], '- [x] CI Verde');
  });
});

describe('language server: fixes for status mismatches and encoding', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspaceFolder: sampleWorkspace, today: '2025-12-01' });
  });
  after(() => server.stop());

  const actionsFor = async (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? at(0, 0),
      context: { diagnostics, ...(only ? { only } : {}) },
    })) as CodeAction[];

  test('a wrong summary count is fixed to what the summary lists', async () => {
    const text = sampleText().replace('### 🟡 Infraestructura (4 items)', '### 🟡 Infraestructura (5 items)');
    const path = join(sampleWorkspace, 'count-ENTREGABLES.md');
    const published = await server.open(path, text);
    const mismatch = published.diagnostics.filter((d) => d.code === 'status-mismatch');
    assert.equal(mismatch.length, 1);
    assert.equal(mismatch[0]?.message, 'The summary says 5 here but lists 4');
    const fix = (await actionsFor(published.uri, mismatch)).find((a) => a.title === 'Change the count to 4');
    assert.equal(applyAction(text, fix, published.uri), sampleText());
  });

  test('summary boxes that disagree with their items are synced, as a quick fix and as a source action', async () => {
    const text = sampleText().replace('- [ ] CI Verde', '- [x] CI Verde').replace('- [ ] Redis', '- [x] Redis');
    const path = join(sampleWorkspace, 'summary-ENTREGABLES.md');
    const published = await server.open(path, text);
    const mismatch = published.diagnostics.filter((d) => d.code === 'status-mismatch');
    assert.deepEqual(
      mismatch.map((d) => d.message),
      ['The summary ticks "CI Verde", but item 2 is pending', 'The summary ticks "Redis", but item 7 is pending'],
    );
    const quickFix = (await actionsFor(published.uri, mismatch.slice(0, 1))).find(
      (a) => a.title === 'Sync all summary checkboxes with item states',
    );
    assert.equal(applyAction(text, quickFix, published.uri), sampleText());
    const source = await actionsFor(published.uri, [], ['source.readiness.syncSummary']);
    assert.equal(source.length, 1);
    assert.equal(source[0]?.kind, 'source.readiness.syncSummary');
    assert.equal(applyAction(text, source[0], published.uri), sampleText());
  });

  test('an item marked done with open fields is a status mismatch', async () => {
    const text = sampleText().replace('**Estado**: ⏳ Pendiente', '**Estado**: ✅ Completado');
    const published = await server.open(join(sampleWorkspace, 'done-ENTREGABLES.md'), text);
    const mismatch = published.diagnostics.filter((d) => d.code === 'status-mismatch');
    assert.deepEqual(
      mismatch.map((d) => d.message),
      [
        'Item 1 · PR Final Aprobado is marked done but still has 2 open placeholder(s) and 3 unchecked box(es)',
        'The summary does not tick "PR Final Aprobado", but item 1 is done',
      ],
    );
  });

  test('a value typed inside brackets: a hint whose fix removes them; an optional blank can be marked not applicable', async () => {
    const text = sampleText()
      .replace('PR Link: [PEGAR ENLACE AL PR]', 'PR Link: [https://github.com/acme/app/pull/7]')
      .replace('Coverage: [X]% (si aplica)', 'Coverage: [OPCIONAL]');
    const published = await server.open(join(sampleWorkspace, 'brackets-ENTREGABLES.md'), text);
    const hints = published.diagnostics.filter((d) => d.code === 'bracketed-value');
    assert.equal(hints.length, 1);
    assert.equal(hints[0]?.severity, 4);
    const removed = applyAction(
      text,
      (await actionsFor(published.uri, hints)).find((a) => a.title === 'Remove the brackets'),
      published.uri,
    );
    assert.ok(removed.includes('PR Link: https://github.com/acme/app/pull/7\n'));
    const coverageLine = text.split('\n').indexOf('Coverage: [OPCIONAL]');
    const optional = published.diagnostics.filter(
      (d) => d.code === 'unfilled-placeholder' && d.range.start.line === coverageLine,
    );
    assert.equal(optional.length, 1);
    const na = applyAction(
      text,
      (await actionsFor(published.uri, optional)).find((a) => a.title === 'Mark as not applicable (No aplica)'),
      published.uri,
    );
    assert.ok(na.includes('Coverage: No aplica\n'));
  });

  test('the mis-encoded original gets one mojibake diagnostic whose fix restores the clean file byte for byte', async () => {
    const original = readFileSync(join(fixtures, 'documents', 'ENTREGABLES.original.md'), 'utf8');
    const published = await server.open(join(sampleWorkspace, 'original-ENTREGABLES.md'), original);
    const mojibake = published.diagnostics.filter((d) => d.code === 'mojibake');
    assert.equal(mojibake.length, 1);
    const fix = (await actionsFor(published.uri, mojibake)).find(
      (a) => a.title === 'Repair encoding (Mac Roman → UTF-8)',
    );
    const repaired = applyAction(original, fix, published.uri);
    assert.equal(Buffer.compare(Buffer.from(repaired, 'utf8'), readFileSync(samplePath)), 0);
  });
});
