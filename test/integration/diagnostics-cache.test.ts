// The server's diagnostics cache and its JSON encoder: the bytes sent are exactly
// JSON.stringify's, whatever was cached; result ids follow what the client sees.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { splitBlocks } from '../../server/src/core/markdown/blocks';
import { declaredSecretNames, mergeSecretNames, secretNameParts } from '../../server/src/core/secrets/vocabulary';
import type { Finding } from '../../server/src/core/types';
import { encodeMessage } from '../../server/src/lsp/cachedJson';
import { findingOf, toDiagnostic } from '../../server/src/lsp/convert';
import { DiagnosticsStore } from '../../server/src/lsp/diagnosticsCache';
import { formatJson, jsonEntry, JSON_CLOSE, JSON_EMPTY, JSON_OPEN } from '../../server/src/cli/report';
import { readFixture, sampleText } from '../support/paths';

const TODAY = '2025-12-08';

describe('cached diagnostics JSON', () => {
  test('a publication and a pulled report encode byte for byte as JSON.stringify, before and after an edit', () => {
    const analyzer = new ChecklistAnalyzer();
    const store = new DiagnosticsStore();
    const uri = 'file:///w/ENTREGABLES.md';
    const texts = [
      sampleText(),
      sampleText().replace('[PEGAR ENLACE AL PR]', 'https://example.com/ünïcode/"quoted"\\'),
      `${sampleText()}\n### 99. Nuevo \u2028 ítem\n**Estado**: ⏳\n[X]\n`,
    ];
    for (const text of texts) {
      const { diagnostics } = store.update(uri, analyzer.analyze(text, { today: TODAY }).findings);
      assert.ok(diagnostics.length > 100);
      const published = {
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: { uri, version: 3, diagnostics: [...diagnostics] },
      };
      assert.equal(encodeMessage(published).toString('utf8'), JSON.stringify(published));
      const report = { jsonrpc: '2.0', id: 7, result: store.report(uri, undefined) };
      assert.equal(encodeMessage(report).toString('utf8'), JSON.stringify(report));
    }
    const other = { jsonrpc: '2.0', id: 1, result: { kind: 'full', items: [{ a: 1 }, { b: 'x' }] } };
    assert.equal(encodeMessage(other).toString('utf8'), JSON.stringify(other));
  });

  test('lists that share their start or end with the one sent before encode as JSON.stringify', () => {
    const analyzer = new ChecklistAnalyzer();
    const store = new DiagnosticsStore();
    const lists = [
      'file:///w/A.md',
      'file:///w/B.md',
      'file:///w/A.md',
      'file:///w/A.md',
      'file:///w/A.md',
      'file:///w/A.md',
    ].map((uri, i) => {
      const text =
        i === 1
          ? readFixture('documents', 'DELIVERABLES.en.md')
          : i === 3
            ? sampleText().replace('[PEGAR ENLACE AL PR]', 'https://example.com/pr/"7"')
            : i === 4
              ? `${sampleText()}\n### 99. Último\n**Estado**: ⏳\n[X] [Y]\n`
              : i === 5
                ? sampleText().replace(/^(# .*)$/m, '$1\n\n[FECHA]')
                : sampleText();
      return { uri, diagnostics: store.update(uri, analyzer.analyze(text, { today: TODAY }).findings).diagnostics };
    });
    // Besides the lists: a plain item first, last and in the middle, and lists shorter and longer.
    const plain = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'é\u2028' };
    const base = lists[0]?.diagnostics ?? [];
    const odd = [
      [plain, ...base],
      [...base, plain],
      [...base.slice(0, 40), plain, ...base.slice(41)],
      base.slice(0, 2),
      [...base, ...base],
      base.slice(1),
      base.slice(0, -1),
    ];
    for (const diagnostics of [...lists.map((l) => l.diagnostics), ...odd, ...lists.map((l) => l.diagnostics)]) {
      const message = {
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: { uri: 'file:///w/A.md', diagnostics: [...diagnostics] },
      };
      assert.equal(encodeMessage(message).toString('utf8'), JSON.stringify(message));
      const report = { jsonrpc: '2.0', id: 9, result: { kind: 'full', resultId: '3', items: [...diagnostics] } };
      assert.equal(encodeMessage(report).toString('utf8'), JSON.stringify(report));
    }
  });

  test('after each edit, the diagnostics of a fresh store; changed exactly when they differ', () => {
    const analyzer = new ChecklistAnalyzer();
    const store = new DiagnosticsStore();
    const texts = [
      sampleText(),
      sampleText().replace('[PEGAR ENLACE AL PR]', 'https://example.com/pr/1'),
      sampleText().replace('[PEGAR ENLACE AL PR]', 'https://example.com/pr/1'),
      sampleText().replace(/^(# .*)$/m, '$1\n\n[FECHA]'),
      `${sampleText()}\n### 99. Último\n[X]\n`,
      sampleText(),
    ];
    let before = '';
    for (const text of texts) {
      const findings = analyzer.analyze(text, { today: TODAY }).findings;
      const { diagnostics, changed } = store.update('file:///w/x.md', findings);
      const fresh = new DiagnosticsStore().update('file:///w/x.md', findings).diagnostics;
      assert.equal(JSON.stringify(diagnostics), JSON.stringify(fresh));
      assert.equal(changed, JSON.stringify(diagnostics) !== before);
      before = JSON.stringify(diagnostics);
    }
  });

  test('result ids: the same diagnostics keep theirs, a change gets a new one', () => {
    const analyzer = new ChecklistAnalyzer();
    const store = new DiagnosticsStore();
    const uri = 'file:///w/x.md';
    assert.equal(store.update(uri, analyzer.analyze(sampleText(), { today: TODAY }).findings).changed, true);
    const first = store.report(uri, undefined);
    assert.equal(first.kind, 'full');
    const id = first.kind === 'full' ? first.resultId : undefined;
    // Analysed again from scratch: new finding objects with the same content.
    assert.equal(
      store.update(uri, new ChecklistAnalyzer().analyze(sampleText(), { today: TODAY }).findings).changed,
      false,
    );
    assert.deepEqual(store.report(uri, id), { kind: 'unchanged', resultId: id });
    assert.equal(
      store.update(
        uri,
        analyzer.analyze(sampleText().replace('[PEGAR ENLACE AL PR]', 'done'), { today: TODAY }).findings,
      ).changed,
      true,
    );
    const next = store.report(uri, id);
    assert.equal(next.kind, 'full');
    assert.notEqual(next.resultId, id);
  });

  test('an unchanged block keeps its findings as the same objects after an edit elsewhere', () => {
    const analyzer = new ChecklistAnalyzer();
    const before = analyzer.analyze(sampleText(), { today: TODAY }).findings;
    const after = analyzer.analyze(sampleText().replace('[PEGAR ENLACE AL PR]', 'done'), { today: TODAY }).findings;
    const kept = new Set(before);
    assert.ok(after.filter((f) => !kept.has(f)).length <= 2, "only the edited item's findings are made again");
  });
});

describe("a diagnostic's finding, found again by the server", () => {
  test('every finding of varied checklists is found from its diagnostic, which carries no data', () => {
    const documents = [
      sampleText(),
      sampleText().replace('### 🟡 Infraestructura (4 items)', '### 🟡 Infraestructura (5 items)'),
      readFixture('documents', 'DELIVERABLES.en.md'),
      readFixture('documents', 'ENTREGABLES.escenarios.md'),
      readFixture('smoke', 'DELIVERABLES.md'),
    ];
    let withData = 0;
    for (const text of documents) {
      const { findings } = new ChecklistAnalyzer().analyze(text, { today: TODAY });
      for (const finding of findings) {
        const diagnostic = toDiagnostic(finding);
        assert.equal('data' in diagnostic, false);
        if (finding.data) withData++;
        // Through JSON, as the client sends it back in a code action request.
        const back = findingOf(findings, JSON.parse(JSON.stringify(diagnostic)) as typeof diagnostic);
        assert.equal(back?.code, finding.code);
        assert.deepEqual(back?.range, finding.range);
        assert.equal(back?.message, finding.message);
        assert.deepEqual(back?.data, finding.data);
      }
    }
    assert.ok(withData > 200);
  });

  test("another source's diagnostic, or one no longer reported, has none; one range with two codes or messages, its own", () => {
    const at = { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } };
    const findings: Finding[] = [
      { code: 'overdue', severity: 'warning', message: 'Item 1 · A: late', range: at, data: { item: '1', due: 'x' } },
      { code: 'unknown-state', severity: 'warning', message: 'first', range: at, data: { item: '1', value: 'a' } },
      { code: 'unknown-state', severity: 'warning', message: 'second', range: at, data: { item: '2', value: 'b' } },
    ];
    const [overdue, first, second] = findings.map((f) => toDiagnostic(f));
    assert.equal(findingOf(findings, { ...overdue, source: 'markdownlint' }), undefined);
    assert.equal(findingOf(findings, { ...overdue, range: { ...at, end: { line: 4, character: 10 } } }), undefined);
    assert.equal(findingOf(findings, overdue), findings[0]);
    assert.equal(findingOf(findings, second), findings[2]);
    assert.equal(findingOf(findings, first), findings[1]);
  });
});

describe('secret names gathered per block', () => {
  test('the names of the blocks, merged, are the names of the whole document', () => {
    const crafted = [
      '# Release\n\nSecrets confirmados:\n- [ ] LOG_TOKEN\n- [x] `DB_CREDENTIALS`\n',
      '## Secrets\n- STRIPE_SECRET_KEY\n## Next\n- NOT_A_SECRET_LIST\n',
      '### 1. Item\n```sh\ncurl -H "Authorization: Bearer $API_TOKEN" <LOG_TOKEN> ${OPENAI_API_KEY}\n# Secrets:\n```\n### 2. Other\nOPENAI_API_KEY again, %SERVICE_PASSWORD%\n',
    ];
    const documents = [
      sampleText(),
      readFixture('documents', 'DELIVERABLES.en.md'),
      readFixture('documents', 'ENTREGABLES.escenarios.md'),
      readFixture('smoke', 'DELIVERABLES.md'),
      ...crafted,
    ];
    for (const text of documents) {
      const perBlock = mergeSecretNames(splitBlocks(text).map((b) => secretNameParts(b.text)));
      assert.deepEqual(perBlock, declaredSecretNames(text));
    }
  });
});

describe("the CLI's JSON written one file at a time", () => {
  test('is formatJson byte for byte, U+2028 and U+2029 in messages included', () => {
    const odd = sampleText().replace('[PEGAR ENLACE AL PR]', '[PEGAR\u2028ENLACE\u2029 "PR"]');
    const reports = [sampleText(), odd, '# Not a checklist\n'].map((text, i) => {
      const analysis = i === 2 ? undefined : new ChecklistAnalyzer().analyze(text, { today: TODAY });
      return { path: `docs/${i}.md`, isChecklist: analysis !== undefined, analysis };
    });
    assert.ok(reports[1]?.analysis?.findings.some((f) => f.message.includes('\u2028')));
    assert.equal(`${JSON_OPEN}\n${reports.map(jsonEntry).join(',\n')}\n${JSON_CLOSE}`, formatJson(reports));
    assert.equal(JSON_EMPTY, formatJson([]));
  });
});
