// Smoke tests run by the language server, driven as an editor drives them: code
// lenses and the quick fix carry `readiness.runSmokeTests`, the client sends
// `readiness/runSmokeTests`, answers the server's questions (secrets, sealed; a
// foreign host) and applies the `workspace/applyEdit` it gets back. The staging
// stand-in runs in this process, on loopback; the workspace is a temporary copy.
import assert from 'node:assert/strict';
import { localDateTime } from '../../server/src/core/dates';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  DidChangeTextDocumentNotification,
  WorkDoneProgressCancelNotification,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { sealSecret } from '../../client/src/smoke/sealSecret';
import type {
  ChecklistResult,
  ConfirmForeignHostParams,
  RunSmokeTestsArguments,
  RunSmokeTestsParams,
  RunSmokeTestsResult,
  SecretParams,
  SecretResult,
} from '../../server/src/protocol';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../staging-server/server';
import { applyEdits, editsFor } from '../support/edits';
import { startRecordingServer } from '../support/recordingServer';
import { startServer, type TestServer } from '../support/lspClient';
import { sampleText, sampleWorkspace } from '../support/paths';

const LOGGED_KEY = 'sk-proj-0a1b2c3d4e5f6a7b8c9d0e1f';
const RUN = 'readiness/runSmokeTests';

/** The client's copy of an open document: edits from the server are applied to it and sent back as changes. */
class OpenDocument {
  version = 1;
  /** Published when it was opened. */
  diagnostics: Diagnostic[] = [];
  constructor(
    readonly uri: string,
    public text: string,
  ) {}
  get lines(): string[] {
    return this.text.split('\n');
  }
  lineOf(needle: string, from = 0): number {
    const line = this.lines.findIndex((l, i) => i >= from && l.includes(needle));
    assert.ok(line >= 0, `no line with ${needle}`);
    return line;
  }
}

/** A line with its last-updated date taken out, to compare texts across the bump Readiness's edits make. */
const undated = (line: string): string => line.replace(/^(\*\*Última actualización\*\*: )\d{4}-\d{2}-\d{2}/i, '$1…');

describe('language server: smoke tests', () => {
  let staging: StagingServer;
  let workspace: string;
  let server: TestServer;
  const documents = new Map<string, OpenDocument>();
  const secretQuestions: SecretParams[] = [];
  const hostQuestions: ConfirmForeignHostParams[] = [];
  let sendToForeignHost = false;
  let copies = 0;

  /** Applies a versioned edit as VS Code does: refused when the version is not the document's. */
  const applyEdit = async (params: ApplyWorkspaceEditParams): Promise<ApplyWorkspaceEditResult> => {
    for (const change of params.edit.documentChanges ?? []) {
      if (!('textDocument' in change)) return { applied: false };
      const document = documents.get(change.textDocument.uri);
      if (!document || change.textDocument.version !== document.version) return { applied: false };
    }
    for (const document of documents.values()) {
      const edits = editsFor(params.edit, document.uri);
      if (edits.length > 0) await change(document, applyEdits(document.text, edits));
    }
    return { applied: true };
  };

  const change = (document: OpenDocument, text: string) => {
    document.text = text;
    document.version++;
    return server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges: [{ text }],
    });
  };

  /** A new checklist file in the workspace, opened; each test gets its own. */
  const open = async (text = sampleText()): Promise<OpenDocument> => {
    const path = join(workspace, `ENTREGABLES-${++copies}.md`);
    writeFileSync(path, text);
    const document = new OpenDocument(pathToFileURL(path).href, text);
    documents.set(document.uri, document);
    document.diagnostics = (await server.open(path, text)).diagnostics;
    return document;
  };

  const lenses = (document: OpenDocument) =>
    server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: document.uri } }) as Promise<CodeLens[]>;
  const lensArguments = async (document: OpenDocument, title: string): Promise<RunSmokeTestsArguments> => {
    const lens = (await lenses(document)).find((l) => l.command?.title === title);
    assert.ok(lens?.command?.arguments, `a lens titled ${title}`);
    return lens.command.arguments[0] as RunSmokeTestsArguments;
  };
  // An undefined token would be sent as a second, positional parameter.
  const run = (params: RunSmokeTestsParams, source?: CancellationTokenSource) =>
    source
      ? server.connection.sendRequest<RunSmokeTestsResult>(RUN, params, source.token)
      : server.connection.sendRequest<RunSmokeTestsResult>(RUN, params);

  /** Everything the server said to the client, as one string, to look for secrets in. */
  const everythingSent = (...results: unknown[]) =>
    JSON.stringify([server.logMessages, server.progress, server.appliedEdits, hostQuestions, secretQuestions, results]);

  before(async () => {
    staging = await startStagingServer({ loggedSecret: LOGGED_KEY });
    workspace = mkdtempSync(join(tmpdir(), 'readiness-lsp-smoke-'));
    mkdirSync(join(workspace, 'test'));
    copyFileSync(join(sampleWorkspace, 'test', 'fixture.jpg'), join(workspace, 'test', 'fixture.jpg'));
    server = await startServer({
      workspaceFolder: workspace,
      settings: { smoke: { baseUrl: staging.url } },
      workDoneProgress: true,
      onApplyEdit: applyEdit,
      requestHandlers: {
        'readiness/secret': (params: SecretParams): SecretResult => {
          secretQuestions.push(params);
          return {
            sealed: params.name === 'LOG_TOKEN' ? sealSecret(params.name, DEFAULT_LOG_TOKEN, params.publicKey) : null,
          };
        },
        'readiness/confirmForeignHost': (params: ConfirmForeignHostParams): boolean => {
          hostQuestions.push(params);
          return sendToForeignHost;
        },
      },
    });
  });
  after(async () => {
    await server.stop();
    await staging.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('code lenses: "Run all smoke tests" on the block, "Run smoke test N" on each test', async () => {
    const document = await open();
    const found = await lenses(document);
    assert.deepEqual(
      found.map((l) => [l.range.start.line, l.command?.title]),
      [
        [document.lineOf('```bash'), '▶ Run all smoke tests'],
        // Above the `# =====` rule that opens each test's banner.
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => [document.lineOf(`# SMOKE TEST ${n}:`) - 1, `▶ Run smoke test ${n}`]),
      ],
    );
    for (const lens of found) assert.equal(lens.command?.command, 'readiness.runSmokeTests');
    const all = found[0]?.command?.arguments?.[0] as RunSmokeTestsArguments;
    const second = found[2]?.command?.arguments?.[0] as RunSmokeTestsArguments;
    assert.equal(all.uri, document.uri);
    assert.equal(all.testKeys?.length, 7);
    assert.equal(all.stagingHost, 'staging-host');
    assert.deepEqual(second.testKeys, [all.testKeys?.[1]]);
  });

  test("the quick fix on a test's output placeholder runs that test", async () => {
    const document = await open();
    const line = document.lineOf('[PEGAR SALIDA AQUÍ]', document.lineOf('# SMOKE TEST 2:'));
    const range = { start: { line, character: 3 }, end: { line, character: 3 } };
    const diagnostics = document.diagnostics.filter((d) => d.range.start.line === line);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: document.uri },
      range,
      context: { diagnostics },
    })) as CodeAction[];
    const runTest = actions.find((a) => a.title === 'Run smoke test 2');
    assert.ok(runTest, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(runTest.kind, 'quickfix');
    assert.equal(runTest.command?.command, 'readiness.runSmokeTests');
    assert.deepEqual(runTest.command?.arguments?.[0], await lensArguments(document, '▶ Run smoke test 2'));
    assert.equal(runTest.diagnostics?.[0]?.code, 'unfilled-placeholder');
  });

  test('"run smoke test 2" pastes its evidence exactly in place; running again replaces it', async () => {
    const document = await open();
    const before = document.lines;
    const placeholder = document.lineOf('[PEGAR SALIDA AQUÍ]', document.lineOf('# SMOKE TEST 2:'));
    const timeLine = document.lineOf('Tiempo de respuesta', placeholder);
    const progressCreated = server.createdProgressTokens.length;

    const result = await run(await lensArguments(document, '▶ Run smoke test 2'));
    assert.equal(result.error, undefined);
    assert.deepEqual(
      [result.passed, result.failed, result.notRun, result.cancelled, result.written],
      [1, 0, 0, 0, true],
    );
    assert.equal(result.summary, '1 passed, 0 failed, 0 not run');
    assert.match(result.lines[0] ?? '', /^ 2 {2}POST {4}\/api\/greeting +200 +[\d.]+ ms {2}PASSED$/);

    // Outside the test's own lines, only "Última Actualización" changes: bumped to today (readiness.header.bumpLastUpdated).
    const after = document.lines.map(undated);
    assert.match(
      document.lines[4] ?? '',
      new RegExp(`^\\*\\*Última Actualización\\*\\*: ${localDateTime(new Date()).date}`),
    );
    assert.deepEqual(after.slice(0, placeholder), before.map(undated).slice(0, placeholder));
    assert.deepEqual(after.slice(placeholder, placeholder + 4), [
      '{',
      '  "sessionId": "sess_000001",',
      '  "message": "¡Hola! Soy el asistente de staging."',
      '}',
    ]);
    assert.equal(after[placeholder + 4], 'SessionId obtenido: sess_000001');
    assert.equal(after[placeholder + 5], 'Estado: ✅ PASSED');
    assert.match(after[placeholder + 6] ?? '', /^Tiempo de respuesta: [\d.]+ms$/);
    const unstamped = (lines: string[]) => lines.filter((l) => !l.startsWith('<!-- readiness:evidence v1 test=2 '));
    assert.deepEqual(unstamped(after.slice(placeholder + 7)), before.map(undated).slice(timeLine + 1));
    assert.equal(after.filter((l) => l.startsWith('<!-- readiness:evidence v1 test=2 ')).length, 1);

    // Without a token from the client, the server created its own progress and ended it.
    assert.equal(server.createdProgressTokens.length, progressCreated + 1);
    const token = server.createdProgressTokens.at(-1);
    const kinds = server.progress.filter((p) => p.token === token).map((p) => (p.value as { kind: string }).kind);
    assert.deepEqual([kinds[0], kinds.at(-1)], ['begin', 'end']);
    const log = server.logMessages.map((m) => m.message);
    assert.ok(log.includes(`Smoke test 2: POST ${staging.url}/api/greeting`), log.join('\n'));

    const again = await run(await lensArguments(document, '▶ Run smoke test 2'));
    assert.equal(again.passed, 1);
    const twice = document.lines;
    assert.equal(twice.length, after.length);
    assert.equal(twice[placeholder + 1], '  "sessionId": "sess_000002",');
    assert.equal(twice[placeholder + 4], 'SessionId obtenido: sess_000002');
    assert.equal(twice.filter((l) => l.startsWith('  "sessionId"')).length, 1);
    assert.deepEqual(unstamped(twice.slice(placeholder + 7)).map(undated), before.map(undated).slice(timeLine + 1));
    assert.equal(twice.filter((l) => l.startsWith('<!-- readiness:evidence v1 test=2 ')).length, 1);
  });

  test("readiness/checklist lists the smoke tests by the keys the lenses run; a run gives each test's result as data", async () => {
    const document = await open();
    const checklist = () =>
      server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri: document.uri });
    const listed = await checklist();
    assert.equal(listed.smokeStagingHost, 'staging-host');
    assert.deepEqual(
      listed.smokeTests.map((t) => `${t.itemId} ${t.number}. ${t.method} ${t.path}`),
      [
        '3 1. GET /api/health',
        '3 2. POST /api/greeting',
        '3 3. POST /api/session/validate',
        '3 4. POST /api/chat',
        '3 5. POST /api/upload-image',
        '3 6. POST /api/whatsapp-ticket',
        '3 7. GET /api/logs',
      ],
    );
    assert.deepEqual(
      listed.smokeTests.map((t) => t.key),
      (await lensArguments(document, '▶ Run all smoke tests')).testKeys,
    );
    const second = listed.smokeTests[1];
    assert.ok(second);
    const command = document.lineOf('$ curl -sS -X POST "http://staging-host/api/greeting"');
    assert.deepEqual(second.commandRange, {
      start: { line: command, character: 0 },
      end: { line: command + 1, character: document.lines[command + 1]?.length ?? -1 },
    });
    assert.equal(second.range.start.line, document.lineOf('# SMOKE TEST 2:'));
    assert.equal(second.range.end.line, document.lineOf('Tiempo de respuesta', command));

    const passed = await run({ uri: document.uri, testKeys: [second.key] });
    assert.equal(passed.results.length, 1);
    const [result] = passed.results;
    assert.deepEqual(
      { ...result, elapsedMs: typeof result?.elapsedMs },
      {
        testKey: second.key,
        number: '2',
        outcome: 'passed',
        status: 200,
        elapsedMs: 'number',
        reason: '',
        commandRange: second.commandRange,
        failures: [],
      },
    );
    // The evidence moved what follows the command, not the key: the client's result still applies.
    const after = await checklist();
    assert.equal(after.smokeTests[1]?.key, second.key);
    assert.equal(after.smokeTests[2]?.range.start.line, (listed.smokeTests[2]?.range.start.line ?? 0) + 3);

    const fresh = await open();
    const third = (await checklist()).smokeTests[2];
    assert.ok(third);
    const failed = await server.connection.sendRequest<RunSmokeTestsResult>(RUN, {
      uri: fresh.uri,
      testKeys: [third.key],
    });
    const reason = 'no value for <sid>: run the test that captures it first, or fill it in the document';
    const validate = fresh.lineOf('$ curl -sS -X POST "http://staging-host/api/session/validate"');
    const commandRange = {
      start: { line: validate, character: 0 },
      end: { line: validate + 2, character: fresh.lines[validate + 2]?.length ?? -1 },
    };
    assert.deepEqual(failed.results, [
      {
        testKey: third.key,
        number: '3',
        outcome: 'failed',
        reason,
        commandRange,
        failures: [{ kind: 'other', message: reason }],
      },
    ]);
    assert.equal(failed.lines.length, 1);
  });

  test('all seven, LOG_TOKEN sealed by the client: every test passes and the token and a logged key appear nowhere', async () => {
    const document = await open();
    const workDoneToken = 'client-token-all-seven';
    secretQuestions.length = 0;
    const result = await run({ uri: document.uri, workDoneToken });
    assert.deepEqual([result.passed, result.failed, result.notRun, result.written], [7, 0, 0, true]);
    assert.deepEqual(
      secretQuestions.map((q) => q.name),
      ['LOG_TOKEN'],
    );
    assert.match(secretQuestions[0]?.publicKey ?? '', /^[A-Za-z0-9+/]{80,}={0,2}$/);
    assert.ok(server.progress.some((p) => p.token === workDoneToken && (p.value as { kind: string }).kind === 'end'));

    assert.ok(!document.text.includes('[PEGAR SALIDA AQUÍ]'));
    assert.equal(document.lines.filter((l) => l === 'Estado: ✅ PASSED').length, 7);
    assert.ok(document.lines.includes('LOG_TOKEN usado: Sí, se usó LOG_TOKEN (valor no incluido)'));
    assert.match(document.text, /OPENAI_API_KEY=\*\*\*/);
    assert.ok(server.logMessages.some((m) => m.message.includes(`${staging.url}/api/logs?token=***`)));
    for (const secret of [DEFAULT_LOG_TOKEN, LOGGED_KEY]) {
      assert.ok(!document.text.includes(secret), 'the document');
      assert.ok(!everythingSent(result).includes(secret), 'what the server sent');
    }
    // The token did reach the staging host.
    assert.ok(staging.requests.some((r) => r.url === `/api/logs?token=${DEFAULT_LOG_TOKEN}`));
  });

  test('a request to a foreign host is sent only when the user confirms', async () => {
    const foreign = await startStagingServer();
    try {
      const host = new URL(foreign.url).host;
      const extra = `# SMOKE TEST 8: /api/health (otro host)\n$ curl -sS "${foreign.url}/api/health"\n[PEGAR SALIDA AQUÍ]\nEstado: [✅ PASSED / ❌ FAILED]\n`;
      const text = sampleText().replace(
        'LOG_TOKEN usado: [NO PEGAR EL TOKEN, solo indicar que se usó]\n',
        (line) => `${line}\n${extra}`,
      );
      const document = await open(text);
      const args = await lensArguments(document, '▶ Run smoke test 8');
      hostQuestions.length = 0;

      sendToForeignHost = false;
      const refused = await run(args);
      assert.deepEqual([refused.passed, refused.notRun, refused.written], [0, 1, false]);
      assert.deepEqual(hostQuestions, [
        {
          testNumber: '8',
          method: 'GET',
          host,
          url: `${foreign.url}/api/health`,
          headers: ['user-agent', 'accept', 'accept-encoding'],
          body: false,
          files: [],
        },
      ]);
      assert.equal(foreign.requests.length, 0);
      assert.equal(document.text, text);

      sendToForeignHost = true;
      const sent = await run(args);
      assert.deepEqual([sent.passed, sent.written], [1, true]);
      assert.equal(foreign.requests.length, 1);
    } finally {
      sendToForeignHost = false;
      await foreign.close();
    }
  });

  test('a confirmed redirect to another host carries no credentials, and the question lists what would go', async () => {
    const foreign = await startRecordingServer('127.0.0.2');
    const password = 'pw-Lk3jH8gF2dS';
    try {
      const target = `${foreign.url}/landed`;
      const extra = `# SMOKE TEST 8: /redirect\n$ curl -sS -L -u admin:${password} -H "Cookie: sid=ck-9Xy2" "http://staging-host/redirect?to=${target}"\n[PEGAR SALIDA AQUÍ]\nEstado: [✅ PASSED / ❌ FAILED]\n`;
      const text = sampleText().replace(
        'LOG_TOKEN usado: [NO PEGAR EL TOKEN, solo indicar que se usó]\n',
        (line) => `${line}\n${extra}`,
      );
      const document = await open(text);
      const args = await lensArguments(document, '▶ Run smoke test 8');
      hostQuestions.length = 0;
      sendToForeignHost = true;
      const result = await run(args);
      assert.equal(result.passed, 1);
      assert.equal(hostQuestions.length, 1);
      const question = hostQuestions[0];
      assert.deepEqual(
        [question?.method, question?.host, question?.url, question?.body, question?.files],
        ['GET', foreign.host, target, false, []],
      );
      assert.equal(question?.redirectedFrom, `${staging.url}/redirect?to=${target}`);
      assert.deepEqual(question?.headers, ['user-agent', 'accept', 'accept-encoding']);
      assert.equal(foreign.requests.length, 1);
      assert.equal(foreign.requests[0]?.headers.authorization, undefined);
      assert.equal(foreign.requests[0]?.headers.cookie, undefined);
      assert.ok(!foreign.everything().includes(password) && !foreign.everything().includes('ck-9Xy2'));
      // (The run's result still names the test by its command: the narrow wire of issue 11 is another change.)
      assert.ok(!JSON.stringify([hostQuestions, server.logMessages, server.progress]).includes(password));
    } finally {
      sendToForeignHost = false;
      await foreign.close();
    }
  });

  test('the document changes while the request is in flight: the evidence lands on the moved test', async () => {
    const document = await open();
    const held = staging.hold('/api/greeting');
    const running = run(await lensArguments(document, '▶ Run smoke test 2'));
    await held.arrived;
    const note = '<!-- revisado por QA -->\n<!-- segunda nota -->\n';
    await change(document, note + document.text);
    held.release();
    const result = await running;
    assert.deepEqual([result.passed, result.written], [1, true]);
    assert.ok(document.text.startsWith(note));
    const placeholder = document.lineOf('$ curl -sS -X POST "http://staging-host/api/greeting"') + 2;
    assert.equal(document.lines[placeholder], '{');
    assert.match(document.lines[placeholder + 1] ?? '', /^ {2}"sessionId": "sess_\d+",$/);
  });

  test('the test itself changes while it runs: its evidence is dropped with a message, nothing else changes', async () => {
    const document = await open();
    const held = staging.hold('/api/greeting');
    const running = run(await lensArguments(document, '▶ Run smoke test 2'));
    await held.arrived;
    const edited = document.text.replace(
      `-H "Content-Type: application/json" -d '{}' | jq`,
      `-H "Content-Type: application/json" -d '{"canal":"qa"}' | jq`,
    );
    assert.notEqual(edited, document.text);
    await change(document, edited);
    held.release();
    const result = await running;
    assert.equal(result.written, false);
    assert.deepEqual(result.dropped, [
      'Smoke test 2 changed or was removed while it ran; its evidence was not written.',
    ]);
    assert.equal(document.text, edited);
  });

  test('cancelling the progress stops the run; the tests that finished are still written', async () => {
    const document = await open();
    const held = staging.hold('/api/session/validate');
    const created = server.createdProgressTokens.length;
    const running = run({ uri: document.uri });
    await held.arrived;
    const token = server.createdProgressTokens[created];
    assert.ok(token !== undefined, 'the server created a progress');
    await server.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
    const result = await running;
    held.release();
    assert.deepEqual([result.passed, result.cancelled, result.written], [2, 5, true]);
    assert.equal(document.lines.filter((l) => l === 'Estado: ✅ PASSED').length, 2);
    assert.equal(document.lines.filter((l) => l === '[PEGAR SALIDA AQUÍ]').length, 5);
  });

  test('cancelling the request works the same way', async () => {
    const document = await open();
    const held = staging.hold('/api/health');
    const source = new CancellationTokenSource();
    const running = run({ uri: document.uri, workDoneToken: 'client-token-cancelled' }, source);
    await held.arrived;
    source.cancel();
    const result = await running;
    held.release();
    assert.deepEqual([result.passed, result.cancelled, result.written], [0, 7, false]);
    assert.equal(document.text, sampleText());
  });

  test('never to the placeholder host, and a base URL is needed', async () => {
    const document = await open();
    const args = await lensArguments(document, '▶ Run smoke test 1');
    const placeholder = await run({ ...args, baseUrl: 'http://staging-host' });
    assert.equal(
      placeholder.error,
      'http://staging-host is the placeholder host the checklist writes; set readiness.smoke.baseUrl to the real staging URL.',
    );
    const bad = await run({ ...args, baseUrl: 'ftp://example.com' });
    assert.equal(bad.error, 'The base URL "ftp://example.com" is not an http(s) URL.');

    const unconfigured = await startServer({ workspaceFolder: workspace, locale: 'es' });
    try {
      const path = join(workspace, 'ENTREGABLES-sin-url.md');
      writeFileSync(path, sampleText());
      await unconfigured.open(path, sampleText());
      const result = await unconfigured.connection.sendRequest<RunSmokeTestsResult>(RUN, {
        uri: pathToFileURL(path).href,
      });
      assert.equal(result.needsBaseUrl, true);
      assert.match(
        result.error ?? '',
        /^Configura readiness\.smoke\.baseUrl con la URL que representa http:\/\/staging-host/,
      );
      assert.equal(result.lines.length, 0);

      // A checklist whose commands write the server as a variable needs a base URL just the same.
      const variable = join(workspace, 'RELEASE-CHECKLIST-variable.md');
      const text =
        '# Release checklist\n\n### 1. Health\n**Status**: Pending\n\n```bash\ncurl -fsS "$BASE_URL/api/health"\n```\n';
      writeFileSync(variable, text);
      await unconfigured.open(variable, text);
      const asked = await unconfigured.connection.sendRequest<RunSmokeTestsResult>(RUN, {
        uri: pathToFileURL(variable).href,
      });
      assert.equal(asked.needsBaseUrl, true);
      assert.match(asked.error ?? '', /<BASE_URL>/);
    } finally {
      await unconfigured.stop();
    }
  });
});
