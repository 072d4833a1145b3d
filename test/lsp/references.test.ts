import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  DocumentLinkRequest,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type DocumentLink,
  type Hover,
  type Range,
} from 'vscode-languageserver-protocol/node';
import type { LinkExistingFileArguments } from '../../server/src/protocol';
import { applyAction, applyEdits, editsFor } from '../support/edits';
import { applyToDisk } from '../support/diskEdits';
import { startServer, type TestServer } from '../support/lspClient';
import { sampleText, sampleWorkspace } from '../support/paths';

const RUNBOOK_LINES = [
  'Canary deployment steps',
  'Rollback steps',
  'Monitoring commands',
  'How to force-disable SMART_MODE',
  'How to purge uploads older than X days',
  'How to create ticket manually',
  'Contact list',
];
const PLAYBOOKS = ['high-error-rate', 'openai-failover', 'disk-full', 'memory-leak', 'hung-workers'];
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));
const at = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });
const headings = (text: string) => text.split('\n').filter((l) => l.startsWith('#'));
// Each step waits for the server's next publication; a generous bound turns "it never came" into a failure.
const STEP = { timeout: 20_000 };

describe('language server: files the checklist points at', () => {
  let server: TestServer;
  let folder: string;
  let uri: string;
  let text = sampleText();
  let diagnostics: Diagnostic[] = [];

  const file = (path: string) => join(folder, ...path.split('/'));
  const missing = () => diagnostics.filter((d) => d.code === 'missing-file');
  /** The path a missing-file diagnostic names, as its message says it (without a folder's slash). */
  const pathOf = (d: Diagnostic): string => {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    return /(?:the file |the folder |: )(\S+?)\/? does not exist$/.exec(message)?.[1] ?? assert.fail(message);
  };
  const missingPaths = () => missing().map(pathOf);
  const actions = async (line: number, character: number) =>
    (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: at(line, character),
      context: { diagnostics: diagnostics.filter((d) => d.range.start.line === line) },
    })) as CodeAction[];
  /** Tells the server what changed on disk, as VS Code's file watcher would, and waits for the new diagnostics. */
  const filesChanged = async (changes: [string, FileChangeType][]) => {
    const published = server.nextDiagnostics(uri);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: changes.map(([path, type]) => ({ uri: pathToFileURL(file(path)).href, type })),
    });
    diagnostics = (await published).diagnostics;
  };

  before(async () => {
    // A copy of the sample workspace, without the smoke-test fixture, so files can come and go.
    folder = mkdtempSync(join(tmpdir(), 'readiness-refs-'));
    cpSync(sampleWorkspace, folder, { recursive: true });
    rmSync(file('test'), { recursive: true, force: true });
    chmodSync(file('ENTREGABLES.md'), 0o644);
    writeFileSync(file('ENTREGABLES.md'), text);
    server = await startServer({ workspaceFolder: folder, today: '2025-12-08' });
    const opened = await server.open(file('ENTREGABLES.md'), text);
    uri = opened.uri;
    diagnostics = opened.diagnostics;
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('missing-file for what the workspace lacks: a warning for the runbook, information for a mentioned file', () => {
    assert.deepEqual(
      missingPaths().sort(),
      [
        'docs/playbooks',
        ...PLAYBOOKS.map((p) => `docs/playbooks/${p}.md`),
        'docs/runbook.md',
        'services/openaiService.js',
        'test/fixture.jpg',
      ].sort(),
    );
    const runbook = missing().find((d) => pathOf(d) === 'docs/runbook.md');
    assert.equal(runbook?.message, 'Item 17 · Runbook: the file docs/runbook.md does not exist');
    assert.equal(runbook?.severity, 2);
    assert.equal(runbook?.source, 'readiness');
    assert.equal(missing().find((d) => pathOf(d) === 'services/openaiService.js')?.severity, 3);
  });

  test('the server watches the workspace for file events', () => {
    const watcher = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watcher?.registerOptions, { watchers: [{ globPattern: '**/*' }] });
  });

  test('a file created on disk loses its diagnostic once the watcher reports it', STEP, async () => {
    mkdirSync(file('test'));
    writeFileSync(file('test/fixture.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    await filesChanged([
      ['test', FileChangeType.Created],
      ['test/fixture.jpg', FileChangeType.Created],
    ]);
    assert.ok(!missingPaths().includes('test/fixture.jpg'));
    assert.ok(missingPaths().includes('docs/runbook.md'));
  });

  test(
    '"Create docs/runbook.md from template" creates it with one section per "Contenido confirmado" line',
    STEP,
    async () => {
      const line = lineOf(text, '- File: docs/runbook.md');
      const action = (await actions(line, 12)).find((a) => a.title === 'Create docs/runbook.md from template');
      assert.ok(action, 'the quick fix is offered');
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.isPreferred, true);
      assert.equal(action.diagnostics?.[0]?.code, 'missing-file');
      const create = action.edit?.documentChanges?.[0] as CreateFile;
      assert.deepEqual(
        [create.kind, create.uri, create.options],
        ['create', pathToFileURL(file('docs/runbook.md')).href, { overwrite: false, ignoreIfExists: true }],
      );
      applyToDisk(action.edit);
      const runbook = readFileSync(file('docs/runbook.md'), 'utf8');
      assert.deepEqual(headings(runbook), ['# Runbook', ...RUNBOOK_LINES.map((l) => `## ${l}`)]);
      assert.match(runbook, /\[ENTREGABLES\.md\]\(\.\.\/ENTREGABLES\.md\)/);
      await filesChanged([
        ['docs', FileChangeType.Created],
        ['docs/runbook.md', FileChangeType.Created],
      ]);
      assert.ok(!missingPaths().includes('docs/runbook.md'));
    },
  );

  test(
    '"Create docs/playbooks/disk-full.md from template": the topic in the title, the sections in Spanish',
    STEP,
    async () => {
      const action = (await actions(lineOf(text, '  - disk-full.md'), 6)).find(
        (a) => a.title === 'Create docs/playbooks/disk-full.md from template',
      );
      assert.ok(action);
      assert.deepEqual(applyToDisk(action.edit), [file('docs/playbooks/disk-full.md')]);
      const playbook = readFileSync(file('docs/playbooks/disk-full.md'), 'utf8');
      assert.deepEqual(headings(playbook), [
        '# Playbook: Disk full',
        '## Síntomas',
        '## Impacto',
        '## Diagnóstico',
        '## Mitigación',
        '## Escalamiento',
        '## Seguimiento',
      ]);
      await filesChanged([
        ['docs/playbooks', FileChangeType.Created],
        ['docs/playbooks/disk-full.md', FileChangeType.Created],
      ]);
      assert.ok(!missingPaths().includes('docs/playbooks/disk-full.md'));
      assert.ok(!missingPaths().includes('docs/playbooks'));
    },
  );

  test('"Create all missing playbooks" creates the other four and leaves the existing one alone', STEP, async () => {
    writeFileSync(file('docs/playbooks/disk-full.md'), '# Disk full, edited by hand\n');
    const action = (await actions(lineOf(text, '  - high-error-rate.md'), 6)).find(
      (a) => a.title === 'Create all missing playbooks',
    );
    assert.ok(action);
    const created = action.edit?.documentChanges
      ?.filter((c): c is CreateFile => 'kind' in c && c.kind === 'create')
      .map((c) => c.uri);
    assert.deepEqual(
      created,
      ['high-error-rate', 'openai-failover', 'memory-leak', 'hung-workers'].map(
        (p) => pathToFileURL(file(`docs/playbooks/${p}.md`)).href,
      ),
    );
    applyToDisk(action.edit);
    assert.equal(readFileSync(file('docs/playbooks/disk-full.md'), 'utf8'), '# Disk full, edited by hand\n');
    assert.equal(headings(readFileSync(file('docs/playbooks/hung-workers.md'), 'utf8'))[0], '# Playbook: Hung workers');
    await filesChanged(
      ['high-error-rate', 'openai-failover', 'memory-leak', 'hung-workers'].map((p) => [
        `docs/playbooks/${p}.md`,
        FileChangeType.Created,
      ]),
    );
    assert.deepEqual(
      missingPaths().filter((p) => p.startsWith('docs/')),
      [],
    );
  });

  test('"Insert link to docs/runbook.md" fills the link placeholder next to the file', async () => {
    const line = lineOf(text, '[LINK AL ARCHIVO EN REPO]');
    const action = (await actions(line, 12)).find((a) => a.title === 'Insert link to docs/runbook.md');
    assert.equal(applyAction(text, action, uri).split('\n')[line], '- Link: [docs/runbook.md](docs/runbook.md)');
  });

  test('document links: files open, the playbooks folder is revealed in the explorer', async () => {
    const links = (await server.connection.sendRequest(DocumentLinkRequest.type, {
      textDocument: { uri },
    })) as DocumentLink[];
    const byLine = new Map(links.map((l) => [l.range.start.line, l]));
    assert.equal(
      byLine.get(lineOf(text, '- File: docs/runbook.md'))?.target,
      pathToFileURL(file('docs/runbook.md')).href,
    );
    assert.equal(byLine.get(lineOf(text, '- File: docs/runbook.md'))?.tooltip, 'Open docs/runbook.md');
    assert.equal(
      byLine.get(lineOf(text, '  - memory-leak.md'))?.target,
      pathToFileURL(file('docs/playbooks/memory-leak.md')).href,
    );
    const folderLink = byLine.get(lineOf(text, '- Directory: docs/playbooks/'))?.target ?? '';
    assert.match(folderLink, /^command:revealInExplorer\?/);
    const [argument] = JSON.parse(decodeURIComponent(folderLink.slice(folderLink.indexOf('?') + 1))) as {
      $mid: number;
      scheme: string;
      path: string;
    }[];
    assert.deepEqual(
      [argument?.$mid, argument?.scheme, argument?.path],
      [1, 'file', pathToFileURL(file('docs/playbooks')).pathname],
    );
    assert.ok(
      !links.some((l) => l.range.start.line === lineOf(text, 'services/openaiService.js')),
      'no link to a missing file',
    );
  });

  test('hover on a reference: exists, size, first heading and last modified; or that it does not exist', async () => {
    const hoverAt = async (line: number, character: number) =>
      (
        (await server.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line, character },
        })) as Hover
      ).contents as { value: string };
    const runbook = await hoverAt(lineOf(text, '- File: docs/runbook.md'), 12);
    assert.match(runbook.value, /`docs\/runbook\.md` — ✅ exists/);
    assert.match(runbook.value, new RegExp(`Size: ${readFileSync(file('docs/runbook.md')).length} B`));
    assert.match(runbook.value, /First heading: Runbook/);
    assert.match(runbook.value, /Last modified: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const service = await hoverAt(lineOf(text, 'services/openaiService.js'), 20);
    assert.match(service.value, /`services\/openaiService\.js` — ❌ does not exist/);
  });

  test(
    'a ticked box whose section the runbook lacks is a status mismatch; the fix ticks exactly what the runbook has',
    STEP,
    async () => {
      writeFileSync(file('docs/runbook.md'), '# Runbook\n\n## Pasos de rollback\n\n## Lista de contactos\n');
      await filesChanged([['docs/runbook.md', FileChangeType.Changed]]);
      text = text
        .replace('- [ ] Rollback steps', '- [x] Rollback steps')
        .replace('- [ ] Monitoring commands', '- [x] Monitoring commands');
      diagnostics = (await server.change(uri, 2, text)).diagnostics;
      const mismatch = diagnostics.filter((d) => d.code === 'status-mismatch');
      assert.deepEqual(
        mismatch.map((d) => d.message),
        ['Item 17 · Runbook: "Monitoring commands" is ticked, but docs/runbook.md has no section for it'],
      );
      const line = lineOf(text, '- [x] Monitoring commands');
      const fix = (await actions(line, 3)).find((a) => a.title === 'Tick the boxes whose sections docs/runbook.md has');
      assert.equal(fix?.diagnostics?.[0]?.code, 'status-mismatch');
      const after = applyAction(text, fix, uri).split('\n');
      assert.deepEqual(
        RUNBOOK_LINES.map((l) => after[lineOf(text, l)]),
        [
          '- [ ] Canary deployment steps',
          '- [x] Rollback steps',
          '- [ ] Monitoring commands',
          '- [ ] How to force-disable SMART_MODE',
          '- [ ] How to purge uploads older than X days',
          '- [ ] How to create ticket manually',
          '- [x] Contact list',
        ],
      );
    },
  );

  test('"Link an existing file..." asks the client for a file, then rewrites the reference to it', STEP, async () => {
    const line = lineOf(text, 'services/openaiService.js');
    const action = (await actions(line, 20)).find((a) => a.title === 'Link an existing file...');
    assert.equal(action?.command?.command, 'readiness.linkExistingFile');
    const args = action?.command?.arguments?.[0] as LinkExistingFileArguments;
    assert.deepEqual([args.uri, args.glob, args.reference], [uri, '**/*.js', 'services/openaiService.js']);
    mkdirSync(file('src/services'), { recursive: true });
    writeFileSync(file('src/services/openai.js'), 'module.exports = {};\n');
    const target = pathToFileURL(file('src/services/openai.js')).href;
    const stale = {
      start: { ...args.range.start, line: args.range.start.line + 1 },
      end: { ...args.range.end, line: args.range.end.line + 1 },
    };
    assert.equal(
      await server.connection.sendRequest<boolean>('readiness/linkExistingFile', { uri, range: stale, target }),
      false,
      'a range that no longer holds the reference',
    );
    const applied = await server.connection.sendRequest<boolean>('readiness/linkExistingFile', {
      uri,
      range: args.range,
      target,
    });
    assert.equal(applied, true);
    const rewritten = applyEdits(text, editsFor(server.appliedEdits.at(-1)?.edit, uri)).split('\n');
    assert.equal(rewritten[line], '- Archivo: src/services/openai.js');
  });

  test('deleting the runbook brings its diagnostic back', STEP, async () => {
    rmSync(file('docs/runbook.md'));
    await filesChanged([['docs/runbook.md', FileChangeType.Deleted]]);
    assert.ok(missingPaths().includes('docs/runbook.md'));
    assert.equal(diagnostics.filter((d) => d.code === 'status-mismatch').length, 0);
    assert.ok(!existsSync(file('docs/runbook.md')));
  });
});

describe('language server: files the checklist points at, for a client that cannot watch files', () => {
  let server: TestServer;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'readiness-refs-unwatched-'));
    server = await startServer({ workspaceFolder: folder, today: '2025-12-08', watchFiles: false });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('what changes on disk is seen after the next edit, and published again', STEP, async () => {
    const path = join(folder, 'ENTREGABLES.md');
    const text = sampleText();
    const runbookMissing = (diagnostics: readonly Diagnostic[]) =>
      diagnostics.some(
        (d) => d.code === 'missing-file' && d.range.start.line === lineOf(text, '- File: docs/runbook.md'),
      );
    const opened = await server.open(path, text);
    assert.ok(runbookMissing(opened.diagnostics));
    assert.ok(!server.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    mkdirSync(join(folder, 'docs'));
    writeFileSync(
      join(folder, 'docs', 'runbook.md'),
      `# Runbook\n\n${RUNBOOK_LINES.map((l) => `## ${l}`).join('\n')}\n`,
    );
    // No file event: an edit elsewhere, after which the server looks at the files again.
    const edited = text.replace('[PEGAR ENLACE AL PR]', 'https://example.com/pr/1');
    let published = await server.change(opened.uri, 2, edited);
    while (runbookMissing(published.diagnostics)) published = await server.nextDiagnostics(opened.uri, 2);
    assert.equal(published.diagnostics.length, opened.diagnostics.length - 2);
    // Gone again: seen after the next edit too.
    rmSync(join(folder, 'docs'), { recursive: true });
    published = await server.change(opened.uri, 3, edited.replace('[PEGAR SALIDA AQUÍ]', 'ok'));
    while (!runbookMissing(published.diagnostics)) published = await server.nextDiagnostics(opened.uri, 3);
    assert.equal(published.diagnostics.length, opened.diagnostics.length - 2);
  });
});
