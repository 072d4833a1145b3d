// `readiness check` on all cores: the pool's output is the single thread's, byte for
// byte, on a varied folder in every format; the cheap pre-check agrees with the
// recogniser; a progress line on a terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isChecklist, mayBeChecklist, defaultChecklistGlobs } from '../../server/src/core/detect';
import { runCheck } from '../../server/src/cli/checkCommand';
import { threadsFor } from '../../server/src/cli/pool';
import { variedCopy } from '../bench/variedCopies';
import { corpusDocuments, ordinaryMarkdown } from '../support/corpus';
import { cliBundle, readFixture, sampleText } from '../support/paths';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, LANG: 'C' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder like a repository: checklists of several kinds, notes that are not, and files that cannot be read as markdown. */
function repository(): string {
  const folder = mkdtempSync(join(tmpdir(), 'readiness-pool-'));
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), content);
  };
  for (let i = 0; i < 40; i++) write(`releases/r${i % 7}/release-${i}-ENTREGABLES.md`, variedCopy(i + 100));
  write('docs/DELIVERABLES.en.md', readFixture('documents', 'DELIVERABLES.en.md'));
  write('docs/escenarios.md', readFixture('documents', 'ENTREGABLES.escenarios.md'));
  write('smoke/DELIVERABLES.md', readFixture('smoke', 'DELIVERABLES.md'));
  write(
    'notes/by-content.md',
    '# Plan\n\n### 1. A\n**Estado**: ⏳ Pendiente\n[PEGAR ENLACE]\n### 2. B\n**Status**: done\n### 3. C\n**Estado**: ✅\n',
  );
  write(
    'secrets/checklist.md',
    `${sampleText()}\n### 99. Keys\n**Estado**: ✅ Completado\nOPENAI_API_KEY=sk-proj-${'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY'.repeat(2)}\n`,
  );
  for (let i = 0; i < 15; i++)
    write(`notes/note-${i}.md`, `# Note ${i}\n\n- [ ] todo [x] and [link](https://example.com)\n`);
  write('notes/mentions-status.md', '# Not a checklist\n\n**Status**: only once.\n');
  write('broken/binary.md', Buffer.from([0x23, 0x00, 0x01, 0x02]));
  write('broken/latin1-checklist.md', Buffer.from('# Lista\n\nEstado: pendiente \xe9\n', 'latin1'));
  write('mojibake-ENTREGABLES.md', sampleText().replace('PRODUCCIÓN', 'PRODUCCI√ìN'));
  return folder;
}

describe('threads by default', () => {
  test('one per core but one, one on two cores or for a few files, --jobs as given', () => {
    assert.equal(threadsFor(200, undefined, 2), 1);
    assert.equal(threadsFor(200, undefined, 8), 7);
    assert.equal(threadsFor(20, undefined, 8), 2);
    assert.equal(threadsFor(3, undefined, 8), 1);
    assert.equal(threadsFor(200, undefined, 1), 1);
    assert.equal(threadsFor(200, 3, 2), 3);
  });
});

describe('readiness check in a pool of threads', () => {
  let folder: string;
  before(() => {
    folder = repository();
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    test(`${format}: the same output, errors and exit code with 1, 2 and 3 threads and by default`, () => {
      const args = [
        'check',
        '.',
        'docs/DELIVERABLES.en.md',
        'no-such-folder',
        '--format',
        format,
        '--today',
        '2025-12-08',
      ];
      const single = run([...args, '--jobs', '1'], folder);
      assert.equal(single.code, 2, 'the broken files and the missing folder are usage errors');
      assert.match(single.stderr, /binary\.md: is a binary file/);
      assert.match(single.stderr, /latin1-checklist\.md: is not valid UTF-8/);
      assert.match(single.stderr, /no-such-folder: no such file or directory/);
      assert.ok(single.stdout.length > 10_000);
      for (const jobs of [['--jobs', '2'], ['--jobs', '3'], []]) {
        const pooled = run([...args, ...jobs], folder);
        assert.equal(pooled.stdout, single.stdout, `stdout with ${jobs.join(' ') || 'default jobs'}`);
        assert.equal(pooled.stderr, single.stderr);
        assert.equal(pooled.code, single.code);
      }
    });
  }

  test('json: every markdown file is listed in path order, checklists or not', () => {
    const { stdout } = run(['check', '.', '--format', 'json', '--jobs', '3', '--fail-on', 'none'], folder);
    const files = (JSON.parse(stdout) as { files: { path: string; isChecklist: boolean }[] }).files;
    assert.equal(files.length, 40 + 3 + 1 + 1 + 15 + 1 + 1);
    assert.deepEqual(
      files.map((f) => f.path),
      files
        .map((f) => f.path)
        .sort((a, b) => a.localeCompare(b))
        .sort(byWalkOrder),
    );
    assert.equal(files.find((f) => f.path === 'notes/by-content.md')?.isChecklist, true);
    assert.equal(files.find((f) => f.path === 'notes/mentions-status.md')?.isChecklist, false);
    assert.equal(
      files.filter((f) => f.path.startsWith('notes/note-')).every((f) => !f.isChecklist),
      true,
    );
  });

  test('--jobs must be a positive number', () => {
    const { code, stderr } = run(['check', '.', '--jobs', '0'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /--jobs must be a number of threads/);
  });
});

/** The CLI walks folders depth-first with entries in localeCompare order: the order of path segments. */
function byWalkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? '', y[i] ?? ''];
    if (p !== q) return p.localeCompare(q);
  }
  return x.length - y.length;
}

describe('readiness check with a 1 MB checklist among small ones', () => {
  test('the same output as one thread', () => {
    const folder = mkdtempSync(join(tmpdir(), 'readiness-big-'));
    try {
      // The sample 60 times (about 1 MB) among ordinary ones.
      writeFileSync(join(folder, 'big-ENTREGABLES.md'), Array.from({ length: 60 }, () => sampleText()).join('\n'));
      for (let i = 0; i < 20; i++)
        writeFileSync(join(folder, `r${String(i).padStart(2, '0')}-ENTREGABLES.md`), variedCopy(i + 7));
      const args = ['check', '.', '--format', 'json', '--today', '2025-12-08'];
      const single = run([...args, '--jobs', '1'], folder);
      const pooled = run([...args, '--jobs', '2'], folder);
      assert.equal(single.code, 1);
      assert.equal(pooled.stderr, single.stderr);
      assert.equal(pooled.code, single.code);
      assert.ok(pooled.stdout === single.stdout, 'the same JSON, byte for byte');
      assert.equal((JSON.parse(pooled.stdout) as { files: unknown[] }).files.length, 21);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the cheap pre-check', () => {
  test('never rejects what the recogniser accepts', () => {
    const texts = [
      sampleText(),
      readFixture('documents', 'DELIVERABLES.en.md'),
      readFixture('documents', 'ENTREGABLES.escenarios.md'),
      '**estado**: a\n**STATUS**: b\n- **State** : c\n',
      '> **Estado:** x\n> **Estado:** y\n> **Estado:** z\n',
      '# Notes\n\nNothing here.\n',
      '',
    ];
    const paths = ['ENTREGABLES.md', 'notes.md', 'docs/release-checklist.md', 'README.md'];
    for (const text of texts) {
      for (const path of paths) {
        if (isChecklist(path, text, defaultChecklistGlobs))
          assert.ok(mayBeChecklist(path, text, defaultChecklistGlobs), `${path}: ${text.slice(0, 40)}`);
      }
    }
    assert.equal(mayBeChecklist('notes.md', '# Notes\n\nNothing here.\n', defaultChecklistGlobs), false);
  });

  test('never rejects a checklist recognised by content: the corpus (under a neutral name) and ordinary markdown', () => {
    let recognised = 0;
    const docs = [...corpusDocuments().map((doc) => ({ path: doc.name, text: doc.text })), ...ordinaryMarkdown()];
    for (const { path, text } of docs) {
      if (!isChecklist('doc.md', text, defaultChecklistGlobs)) continue;
      recognised++;
      assert.ok(mayBeChecklist('doc.md', text, defaultChecklistGlobs), path);
    }
    assert.ok(recognised >= 30, `${recognised} recognised`);
    // Still a pre-check: some ordinary markdown is rejected before any recognition.
    const skipped = docs.filter(({ text }) => !mayBeChecklist('doc.md', text, defaultChecklistGlobs)).length;
    assert.ok(skipped > 0, `${skipped} skipped`);
  });
});

describe('the progress line', () => {
  test('on a terminal, for more than 50 files: one line per file, cleared at the end; never in the output', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'readiness-progress-'));
    try {
      for (let i = 0; i < 52; i++) writeFileSync(join(folder, `n${i}.md`), `# Note ${i}\n`);
      const lines: string[] = [];
      const out: string[] = [];
      const code = await runCheck(['--jobs', '1'], {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
        cwd: folder,
        env: {},
        progress: (line) => lines.push(line),
      });
      assert.equal(code, 0);
      assert.deepEqual(out, []);
      assert.equal(lines.length, 52);
      assert.equal(lines[0], 'readiness: checked 1 of 52 files');
      assert.equal(lines.at(-1), '');
      // Fewer files: no progress at all.
      const few: string[] = [];
      await runCheck(['--jobs', '1', 'n1.md', 'n2.md'], {
        out: () => undefined,
        err: () => undefined,
        cwd: folder,
        env: {},
        progress: (line) => few.push(line),
      });
      assert.deepEqual(few, []);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
