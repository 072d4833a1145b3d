// `readiness/restoreSmokeResults` over the protocol: the last results the client kept from an earlier
// session reach `readiness/checklist` (the sidebar) and `readiness/smokeTestTree`, with when they ran;
// a result whose test's command changed since matches no test and is not shown; a test run in this
// session keeps its own result; malformed entries are ignored.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type {
  ChecklistChangedParams,
  ChecklistResult,
  RestoredSmokeResult,
  RunSmokeTestsResult,
  SmokeTestTreeResult,
} from '../../server/src/protocol';
import { startStagingServer, type StagingServer } from '../staging-server/server';
import { startServer, type TestServer } from '../support/lspClient';
import { sampleText } from '../support/paths';

describe('language server: last results restored from an earlier session', () => {
  let workspace: string;
  let staging: StagingServer;
  let server: TestServer;
  let uri: string;
  const changed: ChecklistChangedParams[] = [];
  const waiting: ((params: ChecklistChangedParams) => void)[] = [];

  const checklist = () => server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri });
  const restore = async (results: readonly unknown[]) => {
    const told = new Promise<ChecklistChangedParams>((resolve) => waiting.push(resolve));
    await server.connection.sendNotification('readiness/restoreSmokeResults', { results });
    return told;
  };

  before(async () => {
    staging = await startStagingServer();
    workspace = mkdtempSync(join(tmpdir(), 'readiness-lsp-restore-'));
    writeFileSync(join(workspace, 'ENTREGABLES.md'), sampleText());
    uri = pathToFileURL(join(workspace, 'ENTREGABLES.md')).href;
    server = await startServer({ workspaceFolder: workspace, settings: { smoke: { baseUrl: staging.url } } });
    server.connection.onNotification('readiness/checklistChanged', (params: ChecklistChangedParams) => {
      changed.push(params);
      waiting.shift()?.(params);
    });
  });
  after(async () => {
    await server.stop();
    await staging.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a closed checklist: the results show in readiness/checklist and the tree, today by time, before with the date', async () => {
    const keys = (await checklist()).smokeTests.map((t) => t.key);
    assert.equal(keys.length, 7);
    const today = new Date();
    today.setHours(9, 5, 7, 0);
    const yesterday = new Date(today.getTime() - 24 * 3600 * 1000);
    const results: RestoredSmokeResult[] = [
      {
        uri,
        testKey: keys[0] ?? '',
        outcome: 'failed',
        status: 500,
        elapsedMs: 12,
        reason: 'HTTP 500',
        ranAtMs: +today,
      },
      { uri, testKey: keys[1] ?? '', outcome: 'passed', status: 200, reason: '', ranAtMs: +yesterday },
      // A test whose command changed since has another key: nothing shows it.
      { uri, testKey: 'tchangedsince', outcome: 'failed', reason: 'HTTP 404', ranAtMs: +today },
    ];
    const told = await restore([...results, { uri, testKey: keys[2], outcome: 'exploded' }, 'junk']);
    // Closed: views that list it refresh it, the others are not told it is a checklist.
    assert.deepEqual([told.uri, told.isChecklist], [uri, false]);

    const view = await checklist();
    assert.deepEqual(view.smokeTests[0]?.last, {
      outcome: 'failed',
      reason: 'HTTP 500',
      ranAt: '09:05:07',
      status: 500,
      elapsedMs: 12,
    });
    assert.match(view.smokeTests[1]?.last?.ranAt ?? '', /^\d{4}-\d\d-\d\d 09:05$/);
    assert.deepEqual(
      view.smokeTests.slice(2).map((t) => t.last),
      [undefined, undefined, undefined, undefined, undefined],
    );
    const tree = await server.connection.sendRequest<SmokeTestTreeResult>('readiness/smokeTestTree', { uri });
    assert.deepEqual(
      tree.checklists[0]?.items[0]?.tests.map((t) => t.last?.outcome),
      ['failed', 'passed', undefined, undefined, undefined, undefined, undefined],
    );
  });

  test("a test run in this session keeps its result; an edit of a test's command leaves its old result behind", async () => {
    const { uri: opened } = await server.open(join(workspace, 'ENTREGABLES.md'), sampleText());
    assert.equal(opened, uri);
    const health = (await checklist()).smokeTests[0];
    assert.ok(health);
    const ran = await server.connection.sendRequest<RunSmokeTestsResult>('readiness/runSmokeTests', {
      uri,
      testKeys: [health.key],
      pasteEvidence: false,
    });
    assert.equal(ran.passed, 1);
    // The client restores again (the server restarted, say) with the older failure: the pass stays.
    const count = changed.length;
    await server.connection.sendNotification('readiness/restoreSmokeResults', {
      results: [{ uri, testKey: health.key, outcome: 'failed', reason: 'HTTP 500', ranAtMs: Date.now() - 60_000 }],
    });
    const view = await checklist();
    assert.equal(view.smokeTests[0]?.last?.outcome, 'passed');
    assert.equal(changed.length, count, 'nothing changed, nothing told');

    // Test 1's command changes: it is another test now, with no result.
    const edited = sampleText().replace('"http://staging-host/api/health"', '"http://staging-host/api/health?full=1"');
    await server.change(uri, 2, edited);
    const after = await checklist();
    assert.equal(after.smokeTests[0]?.path, '/api/health');
    assert.equal(after.smokeTests[0]?.last, undefined);
    assert.equal(after.smokeTests[1]?.last?.outcome, 'passed');
  });
});
