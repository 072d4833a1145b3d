// Issue 17: the analyzer rebuilds only what an edit changed. Whatever it reuses, a sequence of
// random edits analysed by one analyzer must give, after every edit, the same model, findings,
// evidence and sign-offs as a fresh analyzer given the edited text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ChecklistAnalyzer, type Analysis, type AnalysisOptions } from '../../server/src/core/analyzer';
import { withLineFeeds } from '../../server/src/core/markdown/lines';
import { splitBlocks } from '../../server/src/core/markdown/blocks';
import { translator } from '../../server/src/core/messages';
import type { RuleContext } from '../../server/src/core/rules/rule';
import { mojibake, mojibakeRule } from '../../server/src/core/rules/mojibake';
import { sampleText } from '../support/paths';
import { PLANTED } from '../support/plantedSecrets';

const SEED = 20251217;
const sample = sampleText();
/** Three copies: the same blocks at several places, as in the megabyte document of the bench. */
const tripled = [sample, sample, sample].join('\n');
const small = [
  '# Entregables',
  '**Fecha de creación**: 2025-12-01',
  '## Resumen',
  '- [ ] 1. Deploy',
  '- [x] 2. Redis',
  '## 🔴 BLOQUERS (2 items)',
  '### 1. Deploy',
  '**Responsable**: [NOMBRE]',
  '**Estado**: ⏳ Pendiente',
  '**Deadline**: 2025-12-05',
  '- PR: [PEGAR ENLACE AL PR]',
  '### 2. Redis',
  '**Estado**: ✅ Completado',
  '- [ ] Backups `docs/runbook.md`',
  '| Check | Estado |',
  '| --- | --- |',
  '| TTL | |',
  '```bash',
  '$ curl http://staging-host/health',
  '[PEGAR SALIDA AQUÍ]',
  '```',
  '',
].join('\n');

/** What an owner types: characters, lines that change the structure, secrets, pasted copies. */
const inserted = fc.oneof(
  fc.constantFrom('a', 'x', ' ', '[', ']', '|', '`', '#', '*', '\n', '\n\n', '✅', 'é'),
  fc.constantFrom(
    '\n## 🔴 BLOQUERS (3 items)\n',
    '\n### 9. Nuevo item\n**Estado**: ✅ Completado\n',
    '\n## Resumen\n- [x] 1. Deploy\n',
    '\n**Estado**: Listo\n',
    '\n**Responsable**: @ana\n',
    '\n- [ ] [PEGAR ENLACE AL PR]\n',
    '\n| Item | Estado |\n| --- | --- |\n| Redis | ✅ |\n',
    '\n```bash\n',
    '\n```\n',
    '\n<!-- readiness-ignore-next-line -->\n',
    '\nFirma: ____ Fecha: __/__/____\n',
    `\n- Token: ${PLANTED.githubInTitle}\n`,
    `\n**Responsable**: ${PLANTED.slackInGroup}\n`,
    '\nTotal: 21 entregables\n',
    '\n**Responsable**: [María González]\n',
    ' [2025-12-09] ',
    '\n- Evidencia: [https://example.com/pr/1]\n',
    '\n**Última actualización**: 2025-11-01\n',
    '\n### 4. ProducciÃ³n lista âœ… Completado\n',
    '\n- Categor√≠a: a√±adir se√±al\n',
  ),
);
const edit = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: inserted }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('copy' as const),
      at: fc.nat(),
      from: fc.nat(),
      length: fc.integer({ min: 1, max: 400 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('options' as const), which: fc.nat(3) }) },
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

const OPTIONS: readonly AnalysisOptions[] = [
  { today: '2025-12-08' },
  { today: '2025-12-20', locale: 'en' },
  {
    today: '2025-12-08',
    settings: {
      placeholderSeverity: { blocker: 'error', other: 'hint' },
      secretsAllow: [/xoxb-/],
      severities: { 'bracketed-value': 'off', 'unknown-state': 'warning' },
      stateWords: { done: ['cerrado'] },
      blockerMarks: ['URGENTE'],
    },
  },
  { locale: 'es' },
];

function apply(text: string, e: Edit): string {
  const at = e.kind === 'options' ? 0 : e.at % (text.length + 1);
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'copy': {
      const from = e.from % (text.length + 1);
      return text.slice(0, at) + text.slice(from, from + e.length) + text.slice(at);
    }
    case 'options':
      return text;
  }
}

/** An analysis as data: its redaction function is a new closure each run. */
const data = ({ safeText: _, ...rest }: Analysis) => rest;

describe('incremental analysis (fast-check)', () => {
  test('after every edit of a random sequence, the analysis equals a fresh one of the edited text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(small) },
          { weight: 2, arbitrary: fc.constant(sample) },
          { weight: 1, arbitrary: fc.constant(tripled) },
        ),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (start, edits) => {
          const analyzer = new ChecklistAnalyzer();
          let options = OPTIONS[0] ?? {};
          let text = start;
          analyzer.analyze(text, options);
          for (const e of edits) {
            text = apply(text, e);
            if (e.kind === 'options') options = OPTIONS[e.which] ?? options;
            const incremental = analyzer.analyze(text, options);
            const fresh = new ChecklistAnalyzer().analyze(text, options);
            assert.deepEqual(data(incremental), data(fresh));
            // The redaction point redacts alike too.
            for (const f of fresh.findings) assert.equal(incremental.safeText(f.message), fresh.safeText(f.message));
          }
        },
      ),
      { seed: SEED, numRuns: 30, endOnFailure: true },
    );
  });

  test('one-character edits in a big document, one after the other, agree with fresh analyses', () => {
    const big = [sample, sample, sample, sample].join('\n');
    const analyzer = new ChecklistAnalyzer();
    analyzer.analyze(big);
    let text = big;
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('a', '[', '\n', ' ', '#', '|', 'delete'), (at, typed) => {
        const where = at % text.length;
        text =
          typed === 'delete'
            ? text.slice(0, where) + text.slice(where + 1)
            : text.slice(0, where) + typed + text.slice(where);
        assert.deepEqual(data(analyzer.analyze(text)), data(new ChecklistAnalyzer().analyze(text)));
      }),
      { seed: SEED, numRuns: 8, endOnFailure: true },
    );
  });

  test('the mojibake rule read block by block finds what a reading of the whole text finds', () => {
    const line = fc.constantFrom(
      '## Producción',
      '## ProducciÃ³n',
      '### Producci√≥n',
      'ProducciÃ³n lista âœ…',
      'a√±adir se√±al',
      'añadir ✅ Completado',
      '```',
      'text',
      '',
    );
    const t = translator('en');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = withLineFeeds(lines.join('\n'));
        const ctx = { text, blocks: splitBlocks(text), t } as unknown as RuleContext;
        assert.deepEqual(mojibakeRule()(ctx), mojibake(ctx));
      }),
      { seed: SEED, numRuns: 500, endOnFailure: true },
    );
  });
});
