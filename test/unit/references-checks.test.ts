import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer, type Analysis } from '../../server/src/core/analyzer';
import { translator } from '../../server/src/core/messages';
import {
  gatherFileFacts,
  markdownHeadings,
  referenceFindings,
  referenceFixes,
  referenceHoverAt,
  referenceLinks,
  referencePaths,
  withReferenceFindings,
  type FileFacts,
  type FixContext,
} from '../../server/src/core/references';
import { joinPath, relativePath } from '../../server/src/core/references/paths';
import { sectionCovers } from '../../server/src/core/references/sections';
import { playbookTemplate, runbookTemplate, topicOf } from '../../server/src/core/references/templates';
import { range, type Finding, type Range } from '../../server/src/core/types';
import { applyEdits } from '../support/edits';
import { memoryProbe } from '../support/memoryFiles';
import { sampleText } from '../support/texts';
import { analysisOf } from '../support/analyses';

const ROOT = '/ws';
const RUNBOOK_LINES = [
  'Canary deployment steps',
  'Rollback steps',
  'Monitoring commands',
  'How to force-disable SMART_MODE',
  'How to purge uploads older than X days',
  'How to create ticket manually',
  'Contact list',
];
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));
const at = (line: number, character = 0): Range => range(line, character, line, character);

interface Checked {
  readonly analysis: Analysis;
  readonly facts: FileFacts;
  readonly ctx: FixContext;
}

/** Analyses `text` as `/ws/ENTREGABLES.md` in a workspace holding `files` (paths relative to /ws). */
async function check(
  text: string,
  files: Record<string, string> = {},
  locale = 'en',
  bases = [ROOT],
): Promise<Checked> {
  const analysis = analysisOf(text, { locale });
  const probe = memoryProbe(
    Object.fromEntries(Object.entries(files).map(([path, content]) => [joinPath(ROOT, path), content])),
  );
  const facts = await gatherFileFacts(referencePaths(analysis.checklist, bases), probe);
  return {
    analysis,
    facts,
    ctx: {
      checklist: analysis.checklist,
      bases,
      facts,
      t: translator(locale),
      documentPath: `${ROOT}/ENTREGABLES.md`,
      canCreateFiles: true,
    },
  };
}

const findings = (c: Checked) => referenceFindings(c.ctx);

describe('missing-file', () => {
  test('the sample in an empty workspace: a warning for blockers and deliverables, information for a mention', async () => {
    const c = await check(sampleText());
    const found = findings(c).filter((f) => f.code === 'missing-file');
    const byPath = Object.fromEntries(found.map((f) => [String(f.data?.['path']), f.severity]));
    assert.deepEqual(byPath, {
      'test/fixture.jpg': 'warning',
      'services/openaiService.js': 'information',
      'docs/runbook.md': 'warning',
      'docs/playbooks': 'warning',
      'docs/playbooks/high-error-rate.md': 'warning',
      'docs/playbooks/openai-failover.md': 'warning',
      'docs/playbooks/disk-full.md': 'warning',
      'docs/playbooks/memory-leak.md': 'warning',
      'docs/playbooks/hung-workers.md': 'warning',
    });
    const runbook = found.find((f) => f.data?.['path'] === 'docs/runbook.md');
    assert.equal(runbook?.message, 'Item 17 · Runbook: the file docs/runbook.md does not exist');
    assert.deepEqual(
      runbook?.range,
      range(lineOf(sampleText(), '- File: docs/runbook.md'), 8, lineOf(sampleText(), '- File: docs/runbook.md'), 23),
    );
    assert.equal(
      found.find((f) => f.data?.['path'] === 'docs/playbooks')?.message,
      'Item 18 · Playbooks: the folder docs/playbooks/ does not exist',
    );
  });

  test('a folder named in prose is a path only where its parent folder exists', async () => {
    const missingPaths = async (files: Record<string, string>) =>
      findings(await check(sampleText(), files))
        .filter((f) => f.code === 'missing-file')
        .map((f) => String(f.data?.['path']))
        .filter((p) => p.startsWith('data/'));
    assert.deepEqual(await missingPaths({}), []);
    assert.deepEqual(await missingPaths({ 'data/tickets/.keep': '' }), ['data/transcripts', 'data/uploads']);
  });

  test('a path written twice on one line is reported once there', async () => {
    const text = sampleText().replace(
      '- File: docs/runbook.md',
      '- File: [docs/runbook.md](docs/runbook.md) `docs/runbook.md`',
    );
    const runbook = findings(await check(text)).filter(
      (f) => f.code === 'missing-file' && f.data?.['path'] === 'docs/runbook.md',
    );
    assert.equal(runbook.length, 1);
  });

  test('in Spanish', async () => {
    const c = await check(sampleText(), {}, 'es');
    assert.equal(
      findings(c).find((f) => f.data?.['path'] === 'docs/runbook.md')?.message,
      'Ítem 17 · Runbook: no existe el archivo docs/runbook.md',
    );
  });

  test('files that exist give nothing; a path the snapshot does not know gives nothing either', async () => {
    const c = await check(sampleText(), {
      'docs/runbook.md': '# Runbook\n',
      'docs/playbooks/disk-full.md': '# Disk full\n',
      'services/openaiService.js': '',
      'test/fixture.jpg': 'x',
    });
    const missing = findings(c).map((f) => f.data?.['path']);
    for (const present of [
      'docs/runbook.md',
      'docs/playbooks',
      'docs/playbooks/disk-full.md',
      'services/openaiService.js',
      'test/fixture.jpg',
    ])
      assert.ok(!missing.includes(present), present);
    assert.ok(missing.includes('docs/playbooks/memory-leak.md'));
    const unknown = new Map([...c.facts].filter(([path]) => !path.endsWith('memory-leak.md')));
    assert.ok(
      !referenceFindings({ ...c.ctx, facts: unknown }).some(
        (f) => f.data?.['path'] === 'docs/playbooks/memory-leak.md',
      ),
    );
  });

  test("references resolve against the workspace folder, then the checklist's own folder", async () => {
    const text = sampleText();
    const analysis = analysisOf(text);
    const bases = ['/ws', '/ws/release'];
    const facts = await gatherFileFacts(
      referencePaths(analysis.checklist, bases),
      memoryProbe({ '/ws/release/docs/runbook.md': '# R\n' }),
    );
    const found = referenceFindings({ checklist: analysis.checklist, bases, facts, t: translator('en') });
    assert.ok(!found.some((f) => f.data?.['path'] === 'docs/runbook.md'));
    assert.ok(found.some((f) => f.data?.['path'] === 'docs/playbooks'));
  });

  test('no bases (an untitled document): nothing is checked', async () => {
    const c = await check(sampleText(), {}, 'en', []);
    assert.deepEqual(findings(c), []);
  });

  test('merged into the analysis in position order, and silenced by readiness-ignore-next-line', async () => {
    const plain = await check(sampleText());
    const merged = withReferenceFindings(plain.analysis, findings(plain));
    assert.equal(merged.findings.length, plain.analysis.findings.length + findings(plain).length);
    const starts = merged.findings.map((f) => f.range.start.line * 1000 + f.range.start.character);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    // The directive is an HTML comment, which does not work inside a fence: the reference is written in prose here.
    const text = sampleText().replace(
      '### 17. Runbook (Obligatorio)\n',
      '### 17. Runbook (Obligatorio)\n\n<!-- readiness-ignore-next-line missing-file -->\nVer `docs/runbook.md`.\n',
    );
    const silenced = await check(text);
    const prose = findings(silenced).filter((f) => f.data?.['path'] === 'docs/runbook.md');
    assert.equal(prose.length, 2);
    const kept = withReferenceFindings(silenced.analysis, findings(silenced)).findings.filter(
      (f) => f.data?.['path'] === 'docs/runbook.md',
    );
    assert.deepEqual(
      kept.map((f) => f.range.start.line),
      [lineOf(text, '- File: docs/runbook.md')],
    );
  });
});

describe('reference findings after an edit', () => {
  const ticked = sampleText().replace('- [ ] Rollback steps', '- [x] Rollback steps');
  const factsOf = (checklist: Analysis['checklist'], files: Record<string, string>) =>
    gatherFileFacts(
      referencePaths(checklist, [ROOT]),
      memoryProbe(Object.fromEntries(Object.entries(files).map(([path, content]) => [joinPath(ROOT, path), content]))),
    );
  const workspaces: Record<string, string>[] = [
    {},
    { 'docs/runbook.md': '# Runbook\n## Canary deployment\n' },
    { 'docs/runbook.md': '# Runbook\n## Rollback steps\n', 'docs/playbooks/disk-full.md': '# Disk\n' },
    { 'data/tickets/.keep': '', 'test/fixture.jpg': 'x' },
    { 'docs/runbook.md': '# Runbook\n## Canary deployment\n' },
  ];

  test('an unchanged item keeps its findings; files that come, go or change headings are followed as from scratch', async () => {
    const analyzer = new ChecklistAnalyzer();
    const t = translator('en');
    let previous: readonly unknown[] = [];
    for (const [step, files] of workspaces.entries()) {
      for (const text of [ticked, ticked.replace('[PEGAR ENLACE AL PR]', `https://example.com/pr/${step}`)]) {
        const { checklist } = analyzer.analyze(text);
        // Gathered again each time: new fact objects, the same content when the files did not change.
        const facts = await factsOf(checklist, files);
        const found = referenceFindings({ checklist, bases: [ROOT], facts, t });
        const fresh = new ChecklistAnalyzer().analyze(text).checklist;
        assert.deepEqual(referencePaths(checklist, [ROOT]), referencePaths(fresh, [ROOT]));
        assert.deepEqual(found, referenceFindings({ checklist: fresh, bases: [ROOT], facts, t }), `step ${step}`);
        // The edit is in item 1, which points at no file: the same workspace, the same finding objects.
        if (text !== ticked) assert.ok(found.length > 0 && found.every((f) => previous.includes(f)), `step ${step}`);
        previous = found;
      }
    }
  });
});

describe('reference findings merged into an analysis', () => {
  const finding = (line: number, character: number, message: string): Finding => ({
    code: 'missing-file',
    severity: 'information',
    message,
    range: range(line, character, line, character + 1),
    data: { item: '1', path: message, kind: 'file' },
  });
  const asBefore = (first: readonly Finding[], extra: readonly Finding[]) =>
    [...first, ...extra].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );

  test("in position order, the analysis' own first at one position, as a sort of both would give", () => {
    const analysis = analysisOf(sampleText());
    const own = analysis.findings;
    const cases: Finding[][] = [
      [finding(0, 0, 'first line')],
      [finding(own.at(-1)?.range.start.line ?? 0, 99, 'last'), finding(0, 0, 'a'), finding(0, 0, 'b')],
      own
        .slice(0, 30)
        .map((f, i) => finding(f.range.start.line, f.range.start.character, `tie ${i}`))
        .reverse(),
      own.filter((_, i) => i % 7 === 0).map((f, i) => finding(f.range.start.line + 1, 0, `between ${i}`)),
    ];
    for (const extra of cases) {
      assert.deepEqual(withReferenceFindings(analysis, extra).findings, asBefore(own, extra));
      // A list out of order (not the analyzer's) is sorted as a whole.
      const shuffled = { ...analysis, findings: [...own].reverse() };
      assert.deepEqual(withReferenceFindings(shuffled, extra).findings, asBefore([...own].reverse(), extra));
    }
  });
});

describe('content checks: "Contenido confirmado" against the runbook', () => {
  const ticked = (text: string, ...labels: string[]) =>
    labels.reduce((t, label) => t.replace(`- [ ] ${label}`, `- [x] ${label}`), text);

  test('a ticked box whose section the runbook lacks is a status mismatch; Spanish headings answer English lines', async () => {
    const text = ticked(sampleText(), 'Rollback steps', 'Contact list', 'Monitoring commands');
    const c = await check(text, {
      'docs/runbook.md': '# Runbook\n\n## Pasos de rollback\n\n```\n## not a heading\n```\n\n## Lista de contactos\n',
    });
    const mismatches = findings(c).filter((f) => f.code === 'status-mismatch');
    assert.deepEqual(
      mismatches.map((f) => f.message),
      ['Item 17 · Runbook: "Monitoring commands" is ticked, but docs/runbook.md has no section for it'],
    );
    assert.deepEqual(
      mismatches[0]?.range,
      range(lineOf(text, '- [x] Monitoring commands'), 2, lineOf(text, '- [x] Monitoring commands'), 5),
    );
  });

  test('no runbook, or unticked boxes: no mismatch', async () => {
    assert.deepEqual(
      findings(await check(ticked(sampleText(), 'Rollback steps'))).filter((f) => f.code === 'status-mismatch'),
      [],
    );
    assert.deepEqual(
      findings(await check(sampleText(), { 'docs/runbook.md': '# Runbook\n' })).filter(
        (f) => f.code === 'status-mismatch',
      ),
      [],
    );
  });

  test('the fix ticks the boxes whose sections exist and unticks the others', async () => {
    const text = ticked(sampleText(), 'Contact list');
    const c = await check(text, { 'docs/runbook.md': '# Runbook\n## Canary deployment\n## Rollback\n' });
    const fix = referenceFixes(c.ctx, at(lineOf(text, '- [ ] Rollback steps'))).find(
      (f) => f.title === 'Tick the boxes whose sections docs/runbook.md has',
    );
    assert.ok(fix);
    const after = applyEdits(text, fix.edits).split('\n');
    assert.equal(after[lineOf(text, 'Canary deployment steps')], '- [x] Canary deployment steps');
    assert.equal(after[lineOf(text, 'Rollback steps')], '- [x] Rollback steps');
    assert.equal(after[lineOf(text, 'Contact list')], '- [ ] Contact list');
    assert.equal(after[lineOf(text, 'Monitoring commands')], '- [ ] Monitoring commands');
    assert.deepEqual(
      fix.answers.map((a) => a.code),
      ['status-mismatch'],
    );
  });

  test('section matching is tolerant of case, accents and language, and not of a different topic', () => {
    assert.ok(sectionCovers('Pasos de rollback', 'Rollback steps'));
    assert.ok(sectionCovers('PASOS DE DESPLIEGUE CANARIO', 'Canary deployment steps'));
    assert.ok(sectionCovers('Forzar la desactivación de SMART_MODE', 'How to force-disable SMART_MODE'));
    assert.ok(sectionCovers('Purgar uploads de más de X días', 'How to purge uploads older than X days'));
    assert.ok(sectionCovers('Crear un ticket manualmente', 'How to create ticket manually'));
    assert.ok(sectionCovers('Contactos', 'Contact list'));
    assert.ok(!sectionCovers('Despliegue', 'Canary deployment steps'));
    assert.ok(!sectionCovers('Contact list', 'Rollback steps'));
    assert.ok(!sectionCovers('Canary deployment steps', 'Rollback steps'));
  });
});

describe('templates', () => {
  const origin = { checklistLink: '../ENTREGABLES.md', itemId: '17', itemTitle: 'Runbook (Obligatorio)' };

  test('the runbook has one section per "Contenido confirmado" line, so ticking them all is then honest', () => {
    const text = runbookTemplate(RUNBOOK_LINES, 'es', origin);
    const headings = markdownHeadings(text);
    assert.deepEqual(
      headings.map((h) => h.text),
      ['Runbook', ...RUNBOOK_LINES],
    );
    for (const line of RUNBOOK_LINES)
      assert.ok(
        headings.some((h) => sectionCovers(h.text, line)),
        line,
      );
    assert.match(
      text,
      /^> Runbook creado por Readiness para el ítem 17 · Runbook \(Obligatorio\) de \[ENTREGABLES\.md\]\(\.\.\/ENTREGABLES\.md\)\.$/m,
    );
  });

  test('a playbook: its topic in the title, then symptoms, impact, diagnosis, mitigation, escalation, follow-up', () => {
    const en = markdownHeadings(playbookTemplate('/ws/docs/playbooks/disk-full.md', 'en', origin)).map((h) => h.text);
    assert.deepEqual(en, [
      'Playbook: Disk full',
      'Symptoms',
      'Impact',
      'Diagnosis',
      'Mitigation',
      'Escalation',
      'Follow-up',
    ]);
    const es = markdownHeadings(playbookTemplate('/ws/docs/playbooks/high-error-rate.md', 'es', origin)).map(
      (h) => h.text,
    );
    assert.deepEqual(es, [
      'Playbook: High error rate',
      'Síntomas',
      'Impacto',
      'Diagnóstico',
      'Mitigación',
      'Escalamiento',
      'Seguimiento',
    ]);
    assert.equal(topicOf('openai_failover.md'), 'Openai failover');
  });

  test('markdownHeadings skips fenced code and drops inline markup', () => {
    assert.deepEqual(
      markdownHeadings(
        '# **Run**book\n```\n# no\n```\n~~~\n## no\n~~~\n## [Rollback](x.md) `now` ##\nnot # a heading\n### Force-disable SMART_MODE _today_\n',
      ),
      [
        { depth: 1, text: 'Runbook' },
        { depth: 2, text: 'Rollback now' },
        { depth: 3, text: 'Force-disable SMART_MODE today' },
      ],
    );
  });
});

describe('quick fixes on references', () => {
  test('a missing playbook: create it from the template, create all missing playbooks, or link an existing file', async () => {
    const text = sampleText();
    const c = await check(text, { 'docs/playbooks/high-error-rate.md': '# High error rate\n' });
    const fixes = referenceFixes(c.ctx, at(lineOf(text, '  - disk-full.md'), 6));
    assert.deepEqual(
      fixes.map((f) => f.title),
      ['Create docs/playbooks/disk-full.md from template', 'Create all missing playbooks', 'Link an existing file...'],
    );
    const [one, all, link] = fixes;
    assert.deepEqual(
      one?.creates.map((f) => f.path),
      ['/ws/docs/playbooks/disk-full.md'],
    );
    assert.match(
      one?.creates[0]?.text ?? '',
      /^# Playbook: Disk full\n\n> Playbook de incidente creado por Readiness para el ítem 18 · Incident Playbooks de \[ENTREGABLES\.md\]\(\.\.\/\.\.\/ENTREGABLES\.md\)\./,
    );
    assert.equal(one?.isPreferred, true);
    assert.deepEqual(
      all?.creates.map((f) => f.path.slice(ROOT.length + 1)),
      [
        'docs/playbooks/openai-failover.md',
        'docs/playbooks/disk-full.md',
        'docs/playbooks/memory-leak.md',
        'docs/playbooks/hung-workers.md',
      ],
    );
    assert.equal(all?.answers.length, 4);
    assert.deepEqual(link?.pickFile, {
      range: range(lineOf(text, '  - disk-full.md'), 4, lineOf(text, '  - disk-full.md'), 16),
      glob: '**/*.md',
      reference: 'docs/playbooks/disk-full.md',
    });
  });

  test("the directory offers all missing playbooks; the runbook is created with the checklist's sections", async () => {
    const text = sampleText();
    const c = await check(text);
    assert.deepEqual(
      referenceFixes(c.ctx, at(lineOf(text, '- Directory: docs/playbooks/'), 16)).map((f) => [
        f.title,
        f.creates.length,
      ]),
      [['Create all missing playbooks', 5]],
    );
    const runbook = referenceFixes(c.ctx, at(lineOf(text, '- File: docs/runbook.md'), 10));
    assert.deepEqual(
      runbook.map((f) => f.title),
      ['Create docs/runbook.md from template', 'Link an existing file...'],
    );
    assert.deepEqual(
      markdownHeadings(runbook[0]?.creates[0]?.text ?? '').map((h) => h.text),
      ['Runbook', ...RUNBOOK_LINES],
    );
  });

  test('a missing file that is not markdown can only be linked; nothing is created where the editor cannot', async () => {
    const text = sampleText();
    const c = await check(text);
    assert.deepEqual(
      referenceFixes(c.ctx, at(lineOf(text, 'services/openaiService.js'), 20)).map((f) => [f.title, f.pickFile?.glob]),
      [['Link an existing file...', '**/*.js']],
    );
    assert.deepEqual(
      referenceFixes({ ...c.ctx, canCreateFiles: false }, at(lineOf(text, '- File: docs/runbook.md'), 10)).map(
        (f) => f.title,
      ),
      ['Link an existing file...'],
    );
  });

  test('next to an existing file, its link placeholder gets "Insert link to ..."', async () => {
    const text = sampleText();
    const line = lineOf(text, '[LINK AL ARCHIVO EN REPO]');
    const missing = await check(text);
    assert.deepEqual(referenceFixes(missing.ctx, at(line, 12)), []);
    const c = await check(text, { 'docs/runbook.md': '# Runbook\n' });
    const fix = referenceFixes(c.ctx, at(line, 12)).find((f) => f.title === 'Insert link to docs/runbook.md');
    assert.equal(applyEdits(text, fix?.edits ?? []).split('\n')[line], '- Link: [docs/runbook.md](docs/runbook.md)');
  });

  test('[LINKS A CADA PLAYBOOK] gets a link to each playbook that exists', async () => {
    const text = sampleText();
    const line = lineOf(text, '[LINKS A CADA PLAYBOOK]');
    const c = await check(text, { 'docs/playbooks/disk-full.md': '# A\n', 'docs/playbooks/memory-leak.md': '# B\n' });
    const fix = referenceFixes(c.ctx, at(line, 10)).find((f) => f.title === 'Insert links to the 2 files');
    assert.equal(
      applyEdits(text, fix?.edits ?? []).split('\n')[line],
      'Links: [docs/playbooks/disk-full.md](docs/playbooks/disk-full.md), [docs/playbooks/memory-leak.md](docs/playbooks/memory-leak.md)',
    );
  });
});

describe('hover and links of references', () => {
  test('hover: exists, size, first heading, last modified; or where it was looked for', async () => {
    const text = sampleText();
    const line = lineOf(text, '- File: docs/runbook.md');
    const c = await check(text, { 'docs/runbook.md': '# Runbook de producción\n\n## Rollback\n' });
    const hover = referenceHoverAt(c.ctx, { line, character: 12 });
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*File\*\* `docs\/runbook\.md` — ✅ exists$/m);
    assert.match(hover.markdown, /^- Size: 38 B$/m);
    assert.match(hover.markdown, /^- First heading: Runbook de producción$/m);
    assert.match(hover.markdown, /^- Last modified: 2025-12-0[678] \d\d:\d\d$/m);
    assert.deepEqual(hover.range, range(line, 8, line, 23));
    const missing = referenceHoverAt(c.ctx, { line: lineOf(text, '  - disk-full.md'), character: 6 });
    assert.match(missing?.markdown ?? '', /`docs\/playbooks\/disk-full\.md` — ❌ does not exist/);
    assert.match(missing?.markdown ?? '', /Looked for at: `\/ws\/docs\/playbooks\/disk-full\.md`/);
    assert.equal(referenceHoverAt(c.ctx, { line: 0, character: 0 }), undefined);
  });

  test('links: files that exist open, folders are revealed, missing ones get none', async () => {
    const c = await check(sampleText(), { 'docs/runbook.md': '# R\n', 'docs/playbooks/disk-full.md': '# D\n' });
    assert.deepEqual(
      referenceLinks(c.ctx).map((l) => [l.path, l.kind, l.tooltip]),
      [
        ['/ws/docs/runbook.md', 'file', 'Open docs/runbook.md'],
        ['/ws/docs/playbooks', 'folder', 'Reveal docs/playbooks/ in the Explorer'],
        ['/ws/docs/playbooks/disk-full.md', 'file', 'Open docs/playbooks/disk-full.md'],
      ],
    );
  });
});

describe('paths', () => {
  test('join and relative, without node:path', () => {
    assert.equal(joinPath('/ws', 'docs/runbook.md'), '/ws/docs/runbook.md');
    assert.equal(joinPath('/ws/sub/', '../docs/./x.md'), '/ws/docs/x.md');
    assert.equal(joinPath('/c:/repo', 'docs'), '/c:/repo/docs');
    assert.equal(relativePath('/ws/docs/playbooks', '/ws/ENTREGABLES.md'), '../../ENTREGABLES.md');
    assert.equal(relativePath('/ws', '/ws/docs/runbook.md'), 'docs/runbook.md');
  });
});
