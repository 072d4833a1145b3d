// The Testing view's side of the protocol: `readiness/smokeTestTree` lists the workspace's smoke
// tests (checklist → item → test, open or not) with the keys, ranges and last results the sidebar and
// the code lenses use; a run through `readiness/runSmokeTests` reports each failure's expected and
// actual values on the command's line, and pastes evidence unless the Testing view says not to.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ApplyWorkspaceEditParams, ApplyWorkspaceEditResult } from 'vscode-languageserver-protocol/node';
import type {
  ChecklistResult,
  RunSmokeTestsParams,
  RunSmokeTestsResult,
  SmokeTestTreeResult,
} from '../../server/src/protocol';
import { startStagingServer, type StagingServer } from '../staging-server/server';
import { startServer, type TestServer } from '../support/lspClient';
import { sampleText } from '../support/paths';

const TREE = 'readiness/smokeTestTree';
const RUN = 'readiness/runSmokeTests';

/** A small checklist of one item whose tests name what they expect in comments and fields. */
const expecting = (base: string) => `# Release checklist

### 1. Health

**Status**: Pending
**Owner**: QA
**Deadline**: Today

\`\`\`bash
# SMOKE TEST 1: /api/health
# expect 201 Created
$ curl -sS "${base}/api/health"
[PASTE OUTPUT HERE]
Status: [✅ PASSED / ❌ FAILED]

# SMOKE TEST 2: /api/health
# the response contains \`uptimeSeconds\`
$ curl -sS "${base}/api/health"
[PASTE OUTPUT HERE]
Status: [✅ PASSED / ❌ FAILED]

# SMOKE TEST 3: /api/greeting
$ curl -sS -X POST "${base}/api/greeting" -d '{}'
[PASTE OUTPUT HERE]
SessionId obtained: [PASTE]
Expected status: 200
Status: [✅ PASSED / ❌ FAILED]
\`\`\`
`;

describe('language server: the Testing view', () => {
  let staging: StagingServer;
  let canary: StagingServer;
  let workspace: string;
  let server: TestServer;
  const applied: ApplyWorkspaceEditParams[] = [];

  const tree = (uri?: string) =>
    server.connection.sendRequest<SmokeTestTreeResult>(TREE, uri === undefined ? {} : { uri });
  const run = (params: RunSmokeTestsParams) => server.connection.sendRequest<RunSmokeTestsResult>(RUN, params);

  before(async () => {
    staging = await startStagingServer();
    canary = await startStagingServer();
    workspace = mkdtempSync(join(tmpdir(), 'readiness-lsp-testing-'));
    writeFileSync(
      join(workspace, '.readiness.json'),
      JSON.stringify({
        environments: { staging: { baseUrl: staging.url }, canary: { baseUrl: canary.url, allowedHosts: [] } },
      }),
    );
    mkdirSync(join(workspace, 'docs'));
    writeFileSync(join(workspace, 'ENTREGABLES.md'), sampleText());
    writeFileSync(join(workspace, 'docs', 'health.md'), expecting(staging.url));
    writeFileSync(join(workspace, 'notes.md'), '# Notes\n\nNothing to release here.\n');
    server = await startServer({
      workspaceFolder: workspace,
      settings: { smoke: { baseUrl: staging.url } },
      onApplyEdit: (params): Promise<ApplyWorkspaceEditResult> => {
        applied.push(params);
        return Promise.resolve({ applied: false });
      },
    });
  });
  after(async () => {
    await server.stop();
    await staging.close();
    await canary.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test("the workspace tree: the sample's 7 tests under item 3, the other checklist's under its item, ids and ranges of the view model", async () => {
    const result = await tree();
    assert.equal(result.complete, true);
    assert.deepEqual(
      result.checklists.map((c) => c.relativePath),
      ['docs/health.md', 'ENTREGABLES.md'],
    );
    const sample = result.checklists[1];
    assert.ok(sample);
    assert.equal(sample.stagingHost, 'staging-host');
    assert.deepEqual(
      sample.items.map((i) => [i.itemId, i.tests.length]),
      [['3', 7]],
    );
    const item = sample.items[0];
    assert.ok(item);
    assert.match(item.label, /^Item 3 · Smoke Tests/);
    assert.deepEqual(
      item.tests.map((t) => t.label),
      [
        'Smoke test 1 · GET /api/health',
        'Smoke test 2 · POST /api/greeting',
        'Smoke test 3 · POST /api/session/validate',
        'Smoke test 4 · POST /api/chat',
        'Smoke test 5 · POST /api/upload-image',
        'Smoke test 6 · POST /api/whatsapp-ticket',
        'Smoke test 7 · GET /api/logs',
      ],
    );
    // The same keys and ranges as readiness/checklist (the sidebar and the code lenses).
    const view = await server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri: sample.uri });
    assert.deepEqual(
      item.tests.map((t) => [t.id, t.key, t.range, t.commandRange]),
      view.smokeTests.map((t) => [`${sample.uri}#${t.key}`, t.key, t.range, t.commandRange]),
    );
    const lines = sampleText().split('\n');
    assert.match(
      lines[item.tests[0]?.commandRange.start.line ?? 0] ?? '',
      /^\$ curl -sS -X GET "http:\/\/staging-host\/api\/health"/,
    );
    // No command text on the wire.
    assert.doesNotMatch(JSON.stringify(result), /curl|LOG_TOKEN/);
    // One checklist asked for by URI.
    const one = await tree(pathToFileURL(join(workspace, 'docs', 'health.md')).href);
    assert.deepEqual(
      one.checklists.map((c) => c.items.map((i) => i.tests.map((t) => t.number))),
      [[['1', '2', '3']]],
    );
  });

  test('an open checklist is listed when it is outside every folder, not when the scan left it out (deleted since)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'readiness-lsp-outside-'));
    try {
      const deleted = join(workspace, 'RELEASE-CHECKLIST-deleted.md');
      const elsewhere = join(outside, 'RELEASE-CHECKLIST.md');
      await server.open(deleted, expecting(staging.url));
      await server.open(elsewhere, expecting(staging.url));
      const listed = (await tree()).checklists.map((c) => c.uri);
      assert.equal(listed.includes(pathToFileURL(elsewhere).href), true);
      assert.equal(listed.includes(pathToFileURL(deleted).href), false);
    } finally {
      for (const path of [join(workspace, 'RELEASE-CHECKLIST-deleted.md'), join(outside, 'RELEASE-CHECKLIST.md')])
        await server.connection.sendNotification('textDocument/didClose', {
          textDocument: { uri: pathToFileURL(path).href },
        });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test("a failed run gives each failure with expected and actual values and the command's range; no evidence when pasting is off", async () => {
    const path = join(workspace, 'docs', 'health.md');
    const text = expecting(staging.url);
    const { uri } = await server.open(path, text);
    const [checklist] = (await tree(uri)).checklists;
    const tests = checklist?.items[0]?.tests ?? [];
    assert.equal(tests.length, 3);
    staging.configure({ failing: [] });
    const result = await run({ uri, testKeys: tests.map((t) => t.key), pasteEvidence: false });
    assert.equal(result.error, undefined);
    assert.deepEqual([result.passed, result.failed, result.written], [1, 2, false]);
    assert.equal(applied.length, 0, 'no workspace/applyEdit when pasting is off');

    const [first, second, third] = result.results;
    assert.deepEqual(first?.failures, [
      { kind: 'status', message: 'HTTP 200 OK, expected 201 (expect 201)', expected: '201', actual: '200 OK' },
    ]);
    assert.deepEqual(first?.commandRange, tests[0]?.commandRange);
    assert.deepEqual(second?.failures, [
      {
        kind: 'json-key',
        message: 'the JSON response has no "uptimeSeconds" key',
        expected: 'key uptimeSeconds',
        actual: 'keys: status, service, version',
      },
    ]);
    assert.equal(third?.outcome, 'passed');
    assert.deepEqual(third?.failures, []);
    assert.ok((first?.elapsedMs ?? -1) >= 0);

    // The last results reach the tree, as they reach the sidebar.
    const again = (await tree(uri)).checklists[0]?.items[0]?.tests ?? [];
    assert.deepEqual(
      again.map((t) => t.last?.outcome),
      ['failed', 'failed', 'passed'],
    );
  });

  test('a failing endpoint is a status failure (2xx expected); pasting on by default applies the evidence edit', async () => {
    const path = join(workspace, 'ENTREGABLES.md');
    const { uri } = await server.open(path, sampleText());
    const [checklist] = (await tree(uri)).checklists;
    const health = checklist?.items[0]?.tests[0];
    assert.ok(health);
    staging.configure({ failing: ['/api/health'] });
    try {
      const result = await run({ uri, testKeys: [health.key] });
      assert.deepEqual(result.results[0]?.failures?.[0], {
        kind: 'status',
        message: 'HTTP 500 Internal Server Error',
        expected: '2xx',
        actual: '500 Internal Server Error',
      });
      assert.deepEqual(result.results[0]?.commandRange, health.commandRange);
      // Offered as a versioned edit, as from a code lens (this client refuses it, so the server tries again).
      assert.ok(applied.length > 0);
      assert.match(JSON.stringify(applied[0]), /HTTP 500/);
    } finally {
      staging.configure({ failing: [] });
    }
  });

  test('a canary run sends only to the canary host and stamps env=canary; an unknown environment runs nothing', async () => {
    const path = join(workspace, 'ENTREGABLES.md');
    const { uri } = await server.open(path, sampleText());
    const health = (await tree(uri)).checklists[0]?.items[0]?.tests[0];
    assert.ok(health);
    const before = { staging: staging.requests.length, canary: canary.requests.length };
    applied.length = 0;
    const result = await run({ uri, testKeys: [health.key], environment: 'canary' });
    assert.equal(result.passed, 1);
    assert.equal(canary.requests.length, before.canary + 1);
    assert.equal(staging.requests.length, before.staging, 'nothing went to staging');
    assert.match(JSON.stringify(applied[0]), new RegExp(`env=canary`));
    assert.ok(JSON.stringify(applied[0]).includes(new URL(canary.url).host));

    const unknown = await run({ uri, testKeys: [health.key], environment: 'prod' });
    assert.equal(unknown.error, 'No environment named "prod" in readiness.environments (configured: staging, canary).');
    assert.equal(canary.requests.length, before.canary + 1);
  });
});
