// Evidence you can trust, over the protocol: a spawned server runs the sample's
// smoke tests against the staging stand-in and stamps the evidence; then each
// way evidence goes bad raises its diagnostic, and each quick fix, applied as an
// editor applies it, clears it. Hovers and the sidebar's data say the same.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  HoverRequest,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { sealSecret } from '../../client/src/smoke/sealSecret';
import type {
  ChecklistResult,
  RunSmokeTestsArguments,
  RunSmokeTestsResult,
  SecretParams,
  SecretResult,
  SignOffArguments,
} from '../../server/src/protocol';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../staging-server/server';
import { applyAction, applyEdits, editsFor } from '../support/edits';
import { startServer, type StartOptions, type TestServer } from '../support/lspClient';
import { sampleText, sampleWorkspace } from '../support/paths';

const SIGNER = 'Ana Auditora';

class OpenDocument {
  version = 1;
  diagnostics: Diagnostic[] = [];
  published: Promise<PublishDiagnosticsParams> | undefined;
  constructor(
    readonly uri: string,
    public text: string,
  ) {}
  get lines(): string[] {
    return this.text.split(/\r?\n/);
  }
  lineOf(needle: string, from = 0): number {
    const line = this.lines.findIndex((l, i) => i >= from && l.includes(needle));
    assert.ok(line >= 0, `no line with ${needle}`);
    return line;
  }
}

/** A spawned server with the client's side of documents: edits it asks for are applied and sent back. */
class Session {
  server!: TestServer;
  private readonly documents = new Map<string, OpenDocument>();
  private opened = 0;
  constructor(
    private readonly workspace: string,
    private readonly name: string,
  ) {}

  async start(options: StartOptions): Promise<this> {
    this.server = await startServer({
      workspaceFolder: this.workspace,
      onApplyEdit: (params) => this.applyEdit(params),
      requestHandlers: {
        'readiness/secret': (params: SecretParams): SecretResult => ({
          sealed: params.name === 'LOG_TOKEN' ? sealSecret(params.name, DEFAULT_LOG_TOKEN, params.publicKey) : null,
        }),
        'readiness/confirmForeignHost': () => false,
      },
      ...options,
    });
    return this;
  }

  private async applyEdit(params: ApplyWorkspaceEditParams): Promise<ApplyWorkspaceEditResult> {
    for (const change of params.edit.documentChanges ?? []) {
      if (!('textDocument' in change)) return { applied: false };
      const document = this.documents.get(change.textDocument.uri);
      if (!document || change.textDocument.version !== document.version) return { applied: false };
    }
    for (const document of this.documents.values()) {
      const edits = editsFor(params.edit, document.uri);
      if (edits.length > 0) await this.change(document, applyEdits(document.text, edits));
    }
    return { applied: true };
  }

  async open(text: string): Promise<OpenDocument> {
    const path = join(this.workspace, `ENTREGABLES-${this.name}-${++this.opened}.md`);
    writeFileSync(path, text);
    const document = new OpenDocument(pathToFileURL(path).href, text);
    this.documents.set(document.uri, document);
    document.diagnostics = (await this.server.open(path, text)).diagnostics;
    return document;
  }

  /** Replaces the document's text, as typing or a save action does; its diagnostics follow. */
  async change(document: OpenDocument, text: string): Promise<void> {
    document.text = text;
    document.version++;
    document.published = this.server.nextDiagnostics(document.uri, document.version);
    await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges: [{ text }],
    });
  }

  async diagnostics(document: OpenDocument): Promise<Diagnostic[]> {
    if (document.published) document.diagnostics = (await document.published).diagnostics;
    document.published = undefined;
    return document.diagnostics;
  }

  async edit(document: OpenDocument, text: string): Promise<Diagnostic[]> {
    await this.change(document, text);
    return this.diagnostics(document);
  }

  run(args: RunSmokeTestsArguments): Promise<RunSmokeTestsResult> {
    return this.server.connection.sendRequest<RunSmokeTestsResult>('readiness/runSmokeTests', args);
  }

  actions(document: OpenDocument, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: document.uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;
  }

  /** Runs what a "re-run" quick fix carries, as the client's `readiness.runSmokeTests` does. */
  async runAction(document: OpenDocument, action: CodeAction | undefined): Promise<Diagnostic[]> {
    assert.equal(action?.command?.command, 'readiness.runSmokeTests', `a re-run action, not ${action?.title}`);
    const result = await this.run(action.command.arguments?.[0] as RunSmokeTestsArguments);
    assert.equal(result.written, true, JSON.stringify(result));
    return this.diagnostics(document);
  }

  async hover(document: OpenDocument, line: number, character = 1): Promise<string> {
    const hover: Hover | null = await this.server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: document.uri },
      position: { line, character },
    });
    const contents = hover?.contents;
    return contents !== undefined && typeof contents === 'object' && 'kind' in contents ? contents.value : '';
  }

  checklist(document: OpenDocument): Promise<ChecklistResult> {
    return this.server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri: document.uri });
  }
}

const messageOf = (d: Diagnostic | undefined): string =>
  d === undefined ? '' : typeof d.message === 'string' ? d.message : d.message.value;
const codes = (diagnostics: readonly Diagnostic[], ...wanted: string[]) =>
  diagnostics.filter((d) => wanted.includes(String(d.code)));
const evidenceFailed = (diagnostics: readonly Diagnostic[]) =>
  codes(diagnostics, 'status-mismatch').filter((d) =>
    / is marked done, but smoke test \d+ shows a failure: /.test(messageOf(d)),
  );
const markDone = (text: string): string =>
  text.replace(/(### 3\. Smoke Tests[\s\S]*?\*\*Estado\*\*: )⏳ Pendiente/, '$1✅ Completado');
const localDate = (offsetDays = 0): string => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('language server: evidence stamps, their diagnostics and fixes', () => {
  let staging: StagingServer;
  let workspace: string;
  let session: Session;
  let stamped: string;

  before(async () => {
    staging = await startStagingServer();
    workspace = mkdtempSync(join(tmpdir(), 'readiness-lsp-evidence-'));
    mkdirSync(join(workspace, 'test'));
    copyFileSync(join(sampleWorkspace, 'test', 'fixture.jpg'), join(workspace, 'test', 'fixture.jpg'));
    execFileSync('git', ['init', '-q'], { cwd: workspace });
    execFileSync('git', ['config', 'user.name', SIGNER], { cwd: workspace });
    session = await new Session(workspace, 'a').start({ settings: { smoke: { baseUrl: staging.url } } });
    const document = await session.open(sampleText());
    const result = await session.run({ uri: document.uri });
    assert.deepEqual([result.passed, result.written], [7, true]);
    assert.deepEqual(
      codes(await session.diagnostics(document), 'stale-evidence', 'edited-evidence', 'stale-signoff'),
      [],
    );
    stamped = document.text;
  });
  after(async () => {
    await session.server.stop();
    await staging.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the run stamped each result, with no secret in any stamp', () => {
    const stamps = stamped.split('\n').filter((l) => l.startsWith('<!-- readiness:evidence v1 '));
    assert.equal(stamps.length, 7);
    assert.match(
      stamps[6] ?? '',
      new RegExp(
        `^<!-- readiness:evidence v1 test=7 ran=\\S+ host=${new URL(staging.url).host.replace(/\./g, '\\.')} runner=0\\.1\\.0 cmd=sha256:[0-9a-f]{16} status=200 ms=\\d+ result=passed out=sha256:[0-9a-f]{16} -->$`,
      ),
    );
    for (const form of [
      DEFAULT_LOG_TOKEN,
      encodeURIComponent(DEFAULT_LOG_TOKEN),
      Buffer.from(DEFAULT_LOG_TOKEN).toString('base64'),
    ])
      assert.ok(!stamped.includes(form));
  });

  test('(a) a pasted output edited by hand: edited-evidence; "Re-run smoke test 1" clears it; the hover says so', async () => {
    const document = await session.open(stamped);
    const output = document.lineOf('"service": "staging-stand-in"');
    assert.match(
      await session.hover(document, output),
      /^\*\*Evidence of smoke test 1\*\*: ran just now \(\d{4}-\d\d-\d\d \d\d:\d\d\) against 127\.0\.0\.1:\d+, HTTP 200 in \d+ ms, unchanged since\n\nRun by Readiness 0\.1\.0\.$/,
    );
    const edited = await session.edit(
      document,
      document.text.replace('"service": "staging-stand-in"', '"service": "a mano"'),
    );
    const found = codes(edited, 'edited-evidence');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.severity, 2);
    assert.match(
      await session.hover(document, output),
      /HTTP 200 in \d+ ms, edited since: the pasted evidence no longer matches its stamp/,
    );
    const listed = (await session.checklist(document)).smokeTests[0]?.evidence;
    assert.deepEqual([listed?.state, listed?.mark], ['edited', 'edited evidence']);

    const actions = await session.actions(document, found);
    const rerun = actions.find((a) => a.title === 'Re-run smoke test 1');
    assert.ok(rerun?.isPreferred);
    assert.deepEqual(codes(await session.runAction(document, rerun), 'edited-evidence'), []);
    assert.equal((await session.checklist(document)).smokeTests[0]?.evidence?.state, 'verified');
  });

  test('(b) a changed command: stale-evidence on the command line; re-running clears it', async () => {
    const document = await session.open(stamped);
    const changed = await session.edit(document, document.text.replace(`-d '{}' | jq`, `-d '{"canal":"qa"}' | jq`));
    const found = codes(changed, 'stale-evidence');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.message]),
      [
        [
          document.lineOf('$ curl -sS -X POST "http://staging-host/api/greeting"'),
          'The evidence of smoke test 2 is stale: the command changed since it ran. Re-run the test.',
        ],
      ],
    );
    const rerun = (await session.actions(document, found)).find((a) => a.title === 'Re-run smoke test 2');
    assert.deepEqual(codes(await session.runAction(document, rerun), 'stale-evidence'), []);
  });

  test('(d) item 3 marked done with a failing test: status-mismatch; re-running it once the endpoint is back clears it', async () => {
    const document = await session.open(stamped);
    staging.configure({ failing: ['/api/whatsapp-ticket'] });
    try {
      const sixth = (await session.checklist(document)).smokeTests[5];
      const result = await session.run({ uri: document.uri, testKeys: [sixth?.key ?? ''] });
      assert.equal(result.failed, 1);
      await session.diagnostics(document);
    } finally {
      staging.configure({ failing: [] });
    }
    const found = evidenceFailed(await session.edit(document, markDone(document.text)));
    assert.equal(found.length, 1);
    assert.match(
      messageOf(found[0]),
      /^Item 3 · Smoke Tests is marked done, but smoke test 6 shows a failure: its status says "❌ FAILED \(HTTP 500/,
    );
    assert.equal(found[0]?.range.start.line, document.lineOf('Estado: ❌ FAILED'));
    const rerun = (await session.actions(document, found)).find((a) => a.title === 'Re-run smoke test 6');
    assert.deepEqual(evidenceFailed(await session.runAction(document, rerun)), []);
  });

  test('(e) a sign-off dated before the run: stale-signoff; "Sign off again as NAME, today" clears it; a blank one is filled', async () => {
    const document = await session.open(stamped);
    const yesterday = localDate(-1);
    const first = document.lineOf('- Firma: [Nombre] - [Fecha]');
    const lines = document.lines;
    lines[first] = `- Firma: Beto Revisor - ${yesterday}`;
    const found = codes(await session.edit(document, lines.join('\n')), 'stale-signoff');
    assert.equal(found.length, 1);
    assert.match(
      messageOf(found[0]),
      new RegExp(
        `^The sign-off of Beto Revisor \\(${yesterday}\\) is older than the evidence it approves: smoke test \\d ran on ${localDate()} \\d\\d:\\d\\d\\.`,
      ),
    );
    const again = (await session.actions(document, found)).find(
      (a) => a.title === `Sign off again as ${SIGNER}, today`,
    );
    assert.ok(again, 'the fix names the git user');
    assert.deepEqual(
      again.diagnostics?.map((d) => d.code),
      ['stale-signoff'],
    );
    const signed = await session.edit(document, applyAction(document.text, again, document.uri));
    assert.equal(document.lines[first], `- Firma: ${SIGNER} - ${localDate()}`);
    assert.deepEqual(codes(signed, 'stale-signoff'), []);

    const blank = document.lineOf('- Firma: [Nombre] - [Fecha]');
    const range = { start: { line: blank, character: 10 }, end: { line: blank, character: 10 } };
    const actions = (await session.server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: document.uri },
      range,
      context: { diagnostics: [] },
    })) as CodeAction[];
    const signOff = actions.find((a) => a.title === `Sign off as ${SIGNER}`);
    await session.edit(document, applyAction(document.text, signOff, document.uri));
    assert.equal(document.lines[blank], `- Firma: ${SIGNER} - ${localDate()}`);
  });

  test('the stamps survive format on save (prettier) and CRLF line ends', async () => {
    const document = await session.open(stamped);
    const formatted = await prettier.format(stamped, { parser: 'markdown' });
    assert.notEqual(formatted, stamped);
    assert.deepEqual(codes(await session.edit(document, formatted), 'stale-evidence', 'edited-evidence'), []);
    assert.deepEqual(
      codes(await session.edit(document, formatted.replace(/\n/g, '\r\n')), 'stale-evidence', 'edited-evidence'),
      [],
    );
    assert.deepEqual(
      (await session.checklist(document)).smokeTests.map((t) => t.evidence?.state),
      Array(7).fill('verified'),
    );
    // A run on the CRLF text keeps CRLF, and one stamp per test.
    const result = await session.run({ uri: document.uri });
    assert.equal(result.passed, 7);
    assert.ok(!/[^\r]\n/.test(document.text));
    assert.equal(document.text.split('\r\n').filter((l) => l.startsWith('<!-- readiness:evidence')).length, 7);
    assert.deepEqual(codes(await session.diagnostics(document), 'stale-evidence', 'edited-evidence'), []);
  });

  test('evidence pasted by hand is unverified in the hover and the sidebar data', async () => {
    const byHand = sampleText().replace('[PEGAR SALIDA AQUÍ]', '{\n  "status": "ok"\n}');
    const document = await session.open(byHand);
    assert.match(
      await session.hover(document, document.lineOf('"status": "ok"')),
      /^\*\*Evidence of smoke test 1\*\*: unverified: pasted by hand, no stamp says when, where or how it ran$/,
    );
    const listed = (await session.checklist(document)).smokeTests.map((t) => [t.evidence?.state, t.evidence?.mark]);
    assert.deepEqual(listed[0], ['unverified', 'unverified evidence']);
    assert.deepEqual(listed[1], ['none', '']);
  });

  describe('ten days later (a server whose date is pinned ahead)', () => {
    let later: Session;
    before(
      async () =>
        (later = await new Session(workspace, 'b').start({
          settings: { smoke: { baseUrl: staging.url } },
          today: localDate(10),
        })),
    );
    after(() => later.server.stop());

    test('(c) every result is stale by age; the source action "Re-run stale smoke tests" clears them all', async () => {
      const document = await later.open(stamped);
      const found = codes(document.diagnostics, 'stale-evidence');
      assert.equal(found.length, 7);
      assert.match(messageOf(found[0]), /it ran 10 days ago \(the limit is 7: readiness\.evidence\.maxAgeDays\)/);
      assert.match(
        await later.hover(document, document.lineOf('"service": "staging-stand-in"')),
        /ran 10 days ago .*; stale: it ran 10 days ago/,
      );
      const quick = (await later.actions(document, found.slice(0, 1))).find((a) => a.title === 'Re-run smoke test 1');
      assert.ok(quick);
      const [source] = await later.actions(document, [], ['source.readiness.rerunStaleSmokeTests']);
      assert.equal(source?.title, 'Re-run stale smoke tests');
      assert.equal((source?.command?.arguments?.[0] as RunSmokeTestsArguments).testKeys?.length, 7);
      assert.deepEqual(codes(await later.runAction(document, source), 'stale-evidence'), []);
    });

    test('a re-run after a sign-off makes the sign-off stale', async () => {
      const document = await later.open(
        stamped.replace('- Firma: [Nombre] - [Fecha]', `- Firma: Beto Revisor - ${localDate()}`),
      );
      assert.deepEqual(codes(document.diagnostics, 'stale-signoff'), []);
      const first = (await later.checklist(document)).smokeTests[0];
      await later.run({ uri: document.uri, testKeys: [first?.key ?? ''] });
      assert.equal(codes(await later.diagnostics(document), 'stale-signoff').length, 1);
    });
  });

  describe('without a git user name', () => {
    let nameless: Session;
    before(async () => {
      const bare = mkdtempSync(join(tmpdir(), 'readiness-lsp-nameless-'));
      nameless = await new Session(bare, 'c').start({
        env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: tmpdir() },
      });
    });
    after(() => nameless.server.stop());

    test('"Sign off..." asks the client, which sends the name back with readiness/signOff', async () => {
      const document = await nameless.open(sampleText());
      const line = document.lineOf('- Firma: [Nombre] - [Fecha]');
      const range = { start: { line, character: 12 }, end: { line, character: 12 } };
      const actions = (await nameless.server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: document.uri },
        range,
        context: { diagnostics: [] },
      })) as CodeAction[];
      const ask = actions.find((a) => a.title === 'Sign off...');
      assert.equal(ask?.command?.command, 'readiness.signOff');
      const args = ask.command.arguments?.[0] as SignOffArguments;
      assert.deepEqual(args, { uri: document.uri, line });
      const applied = await nameless.server.connection.sendRequest<boolean>('readiness/signOff', {
        ...args,
        name: 'Carla\nQA [lead]',
      });
      assert.equal(applied, true);
      await nameless.diagnostics(document);
      assert.equal(document.lines[line], `- Firma: Carla QA lead - ${localDate()}`);
    });
  });
});
