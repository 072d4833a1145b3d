import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer, type Analysis } from '../../server/src/core/analyzer';
import { isChecklist, defaultChecklistGlobs } from '../../server/src/core/detect';
import { sampleText } from '../support/texts';
import { LOG_TOKEN_VALUE, sampleWithSecrets } from '../support/secretSamples';
import { analysisOf } from '../support/analyses';

const analyze = (text: string, locale?: string) => analysisOf(text, { locale });

describe('the sample checklist', () => {
  const analysis = analyze(sampleText());
  const { checklist } = analysis;

  test('has its title, 21 items in 8 groups, 6 of them blockers', () => {
    assert.equal(checklist.title, '📦 ENTREGABLES PARA SUPERVISOR DE PRODUCCIÓN');
    assert.equal(checklist.items.length, 21);
    assert.deepEqual(
      checklist.items.map((i) => i.id),
      Array.from({ length: 21 }, (_, i) => String(i + 1)),
    );
    assert.equal(checklist.groups.length, 8);
    assert.deepEqual(
      checklist.items.filter((i) => i.blocker).map((i) => i.id),
      ['1', '2', '3', '4', '5', '6'],
    );
    assert.deepEqual(analysis.progress, {
      blockers: { done: 0, total: 6 },
      items: { done: 0, total: 21 },
      checks: { done: 0, total: 26 },
    });
  });

  test('maps the summary to items by order, confirmed by name', () => {
    const summary = checklist.summary;
    assert.equal(summary?.groups.length, 7);
    const entries = summary?.groups.flatMap((g) => g.entries) ?? [];
    assert.deepEqual(
      entries.map((e) => e.itemId),
      checklist.items.map((i) => i.id),
    );
    assert.ok(entries.every((e) => e.nameMatches));
    assert.deepEqual(
      summary?.groups.at(-1)?.entries.map((e) => e.itemId),
      ['20', '21'],
    );
    assert.equal(summary?.total?.value, 21);
    assert.equal(checklist.items[0]?.shortTitle, 'PR Final Aprobado');
    assert.equal(checklist.items[0]?.title, 'PR Final Aprobado y Mergeable');
  });

  test('resolves deadlines against the creation date', () => {
    assert.equal(checklist.created, '2025-12-07');
    assert.deepEqual(checklist.items.map((i) => i.due).slice(0, 8), [
      '2025-12-07',
      '2025-12-07',
      '2025-12-07',
      '2025-12-09',
      '2025-12-09',
      '2025-12-09',
      '2025-12-09',
      '2025-12-10',
    ]);
    assert.equal(checklist.items[20]?.due, undefined);
  });

  test('has no status mismatch and, without a clock, nothing overdue', () => {
    assert.deepEqual(
      analysis.findings.filter((f) => f.code !== 'unfilled-placeholder'),
      [],
    );
  });

  test('every item not done is overdue a year later', () => {
    const later = analysisOf(sampleText(), { today: '2026-11-28' });
    const overdue = later.findings.filter((f) => f.code === 'overdue');
    assert.equal(overdue.length, 20);
    assert.equal(overdue[0]?.message, 'Item 1 · PR Final Aprobado was due on 2025-12-07 ("Hoy") and is still pending');
  });

  test('reads owner, deadline and state of each item', () => {
    const item3 = checklist.items[2];
    assert.equal(item3?.title, 'Smoke Tests Pasados en Staging/Canary');
    assert.equal(item3?.owner, 'QA');
    assert.equal(item3?.deadline, 'Hoy');
    assert.equal(item3?.state, 'pending');
    assert.equal(checklist.items[3]?.deadline, 'Próximas 24-48h');
  });

  test('reports each unfilled placeholder of an item, warning in blockers', () => {
    const findings = analysis.findings.filter((f) => f.code === 'unfilled-placeholder');
    const perItem = new Map<string, number>();
    for (const item of checklist.items) perItem.set(item.id, item.placeholders.length);
    assert.equal(
      findings.length,
      [...perItem.values()].reduce((a, b) => a + b, 0),
    );
    const first = findings[0];
    assert.deepEqual(first?.range, { start: { line: 27, character: 9 }, end: { line: 27, character: 29 } });
    assert.equal(first?.severity, 'warning');
    assert.equal(first?.message, 'Item 1 · PR Final Aprobado: paste the link ("[PEGAR ENLACE AL PR]")');
    const redis = findings.find((f) => f.message.startsWith('Item 7 '));
    assert.equal(redis?.severity, 'information');
  });

  test('the output placeholders of the smoke tests say so', () => {
    const outputs = analysis.findings.filter(
      (f) => f.message === 'Item 3 · Smoke Tests: paste the command output here',
    );
    assert.equal(outputs.length, 7);
  });

  test('does not report the task boxes, handles or command variables', () => {
    const text = sampleText();
    const lines = text.split('\n');
    for (const f of analysis.findings) {
      const slice = lines[f.range.start.line]?.slice(f.range.start.character, f.range.end.character) ?? '';
      assert.match(slice, /^\[[^\]]+\]$/);
      assert.doesNotMatch(slice, /<sid>|@/);
      const before = lines[f.range.start.line]?.slice(0, f.range.start.character) ?? '';
      assert.doesNotMatch(before, /^\s*[-*+]\s+$/, 'a task box is not a placeholder');
    }
  });

  test('messages follow the locale', () => {
    const es = analyze(sampleText(), 'es-AR').findings[0];
    assert.equal(es?.message, 'Ítem 1 · PR Final Aprobado: pega el enlace ("[PEGAR ENLACE AL PR]")');
    const fallback = analyze(sampleText(), 'fr').findings[0];
    assert.equal(fallback?.message.startsWith('Item 1 · '), true);
  });
});

describe('recognising a checklist', () => {
  test('by file name', () => {
    assert.equal(isChecklist('docs/ENTREGABLES.md', '', defaultChecklistGlobs), true);
    assert.equal(isChecklist('release-checklist.md', '', defaultChecklistGlobs), true);
    assert.equal(isChecklist('README.md', '# Readme\n- [x] done\n[link]\n', defaultChecklistGlobs), false);
  });

  test('by three item state fields', () => {
    const text = '## A\n### 1. a\n**Estado**: ⏳\n### 2. b\n**Status**: done\n### 3. c\n**Estado:** ok\n';
    assert.equal(isChecklist('notes.md', text, defaultChecklistGlobs), true);
    assert.equal(isChecklist('notes.md', text.split('### 3')[0] ?? '', defaultChecklistGlobs), false);
  });
});

/** An analysis as data: its redaction function is a new closure each run. */
const withoutSafeText = ({ safeText: _, ...data }: Analysis) => data;

describe('incremental analysis', () => {
  test('re-analysing after an edit gives the same result as a fresh analysis', () => {
    const analyzer = new ChecklistAnalyzer();
    const text = sampleText();
    analyzer.analyze(text);
    const edited = text
      .replace('[PEGAR ENLACE AL PR]', 'https://example.com/pr/1')
      .replace('### 7. Redis', 'Nueva línea\n\n### 7. Redis');
    assert.deepEqual(withoutSafeText(analyzer.analyze(edited)), withoutSafeText(analysisOf(edited)));
  });
});

describe('secrets in the analysis', () => {
  test('are found once per value, and an incremental re-analysis agrees with a fresh one', () => {
    const analyzer = new ChecklistAnalyzer();
    analyzer.analyze(sampleText());
    const withSecrets = sampleWithSecrets();
    const incremental = analyzer.analyze(withSecrets);
    assert.deepEqual(withoutSafeText(incremental), withoutSafeText(analysisOf(withSecrets)));
    assert.deepEqual(
      incremental.findings.filter((f) => f.code === 'secret').map((f) => f.data?.['rule']),
      ['query-parameter-secret', 'openai-project-key'],
    );
    const cleaned = analyzer.analyze(sampleText());
    assert.deepEqual(
      cleaned.findings.filter((f) => f.code === 'secret'),
      [],
    );
  });

  test('an inline suppression silences one', () => {
    const pasted = `Logs: http://staging-host/api/logs?token=${LOG_TOKEN_VALUE}\n`;
    const text = sampleWithSecrets().replace('**Notas**:\n- El PR', `${pasted}\n**Notas**:\n- El PR`);
    assert.equal(analysisOf(text).findings.filter((f) => f.code === 'secret').length, 3);
    const silenced = text.replace(pasted, `<!-- readiness-ignore-next-line secret -->\n${pasted}`);
    assert.equal(analysisOf(silenced).findings.filter((f) => f.code === 'secret').length, 2);
  });
});

describe('links are not placeholders', () => {
  test('a [label] with a definition anywhere in the document is a reference', () => {
    const text =
      '## 🔴 B\n### 1. A\n**Estado**: ⏳\nSee [runbook] and [LINK].\n\n## Refs\n\n[runbook]: docs/runbook.md\n';
    assert.deepEqual(
      analyze(text).checklist.items[0]?.placeholders.map((p) => p.text),
      ['LINK'],
    );
  });
});

describe('a byte order mark', () => {
  test('moves nothing: every finding covers the same text as without it, in a whole or an incremental analysis', () => {
    const body = [
      '# Release checklist',
      '',
      '| Task | Owner | Status |',
      '|---|---|---|',
      '| Tag | | Pending |',
      '',
      '## Sign-off',
      '- [ ] Owner: [name] — Date: ______',
      '**Decision:** ☐ GO ☐ NO-GO',
      '',
    ].join('\r\n');
    const covered = (text: string, analysis: Analysis) => {
      const lines = text.split('\r\n');
      return analysis.findings.map((f) => [
        f.code,
        f.range.start.line,
        lines[f.range.start.line]?.slice(f.range.start.character, f.range.end.character),
      ]);
    };
    const plain = covered(body, analysisOf(body));
    assert.ok(plain.length >= 3);
    const withMark = `\uFEFF${body}`;
    assert.deepEqual(covered(withMark, analysisOf(withMark)), plain);
    // Block by block, as after an edit, the same.
    const analyzer = new ChecklistAnalyzer();
    analyzer.analyze(withMark.replace('Tag', 'Tags'));
    assert.deepEqual(covered(withMark, analyzer.analyze(withMark)), plain);
  });
});
