// Environments per checklist over the protocol: in a multi-root workspace, and in a repository with
// several `.readiness.json`, each checklist's node in `readiness/smokeTestTree` carries the environments
// of its own settings and its current one; the run profiles are their union; a run goes where the
// checklist's own settings say, and a checklist is never run in another's environment.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunSmokeTestsParams, RunSmokeTestsResult, SmokeTestTreeResult } from '../../server/src/protocol';
import { startStagingServer, type StagingServer } from '../staging-server/server';
import { startServer, type TestServer } from '../support/lspClient';

/** A release checklist of one item with one smoke test against the staging host. */
const checklist = (title: string) => `# ${title}: release checklist

### 1. Smoke tests

**Status**: Pending
**Owner**: QA
**Deadline**: Today

\`\`\`bash
# SMOKE TEST 1: /api/health
$ curl -sS "http://staging-host/api/health"
[PASTE OUTPUT HERE]
Status: [✅ PASSED / ❌ FAILED]
\`\`\`
`;

const config = (environments: Record<string, string>, environment?: string) =>
  JSON.stringify({
    environments: Object.fromEntries(Object.entries(environments).map(([name, baseUrl]) => [name, { baseUrl }])),
    ...(environment === undefined ? {} : { environment }),
  });

describe('language server: environments per checklist', () => {
  const servers: Record<'staging' | 'canary' | 'payments' | 'edge', StagingServer | undefined> = {
    staging: undefined,
    canary: undefined,
    payments: undefined,
    edge: undefined,
  };
  const url = (name: keyof typeof servers) => servers[name]?.url ?? '';
  const count = (name: keyof typeof servers) => servers[name]?.requests.length ?? 0;
  let root: string;
  let shop: string;
  let edge: string;
  let server: TestServer;

  before(async () => {
    for (const name of Object.keys(servers) as (keyof typeof servers)[]) servers[name] = await startStagingServer();
    root = mkdtempSync(join(tmpdir(), 'readiness-lsp-environments-'));
    // Folder 1, a repository with two .readiness.json: the shop's at its root, the payments service's own.
    shop = join(root, 'shop');
    mkdirSync(join(shop, 'services', 'payments'), { recursive: true });
    writeFileSync(join(shop, '.readiness.json'), config({ staging: url('staging'), canary: url('canary') }, 'staging'));
    writeFileSync(join(shop, 'ENTREGABLES.md'), checklist('Shop'));
    writeFileSync(join(shop, 'services', 'payments', '.readiness.json'), config({ payments: url('payments') }));
    writeFileSync(join(shop, 'services', 'payments', 'release-checklist.md'), checklist('Payments'));
    // Folder 2 of the multi-root workspace, with its own environment chosen.
    edge = join(root, 'edge');
    mkdirSync(edge);
    writeFileSync(join(edge, '.readiness.json'), config({ edge: url('edge'), staging: url('canary') }, 'edge'));
    writeFileSync(join(edge, 'DELIVERABLES.md'), checklist('Edge'));
    server = await startServer({ workspaceFolders: [shop, edge] });
  });
  after(async () => {
    await server.stop();
    for (const staging of Object.values(servers)) await staging?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const tree = () => server.connection.sendRequest<SmokeTestTreeResult>('readiness/smokeTestTree', {});
  const run = (params: RunSmokeTestsParams) =>
    server.connection.sendRequest<RunSmokeTestsResult>('readiness/runSmokeTests', { ...params, pasteEvidence: false });

  test("each checklist lists its own settings' environments and current one; the profiles are their union", async () => {
    const result = await tree();
    const byPath = new Map(result.checklists.map((c) => [c.relativePath, c]));
    assert.deepEqual([...byPath.keys()].sort(), [
      'DELIVERABLES.md',
      'ENTREGABLES.md',
      'services/payments/release-checklist.md',
    ]);
    assert.deepEqual(byPath.get('ENTREGABLES.md')?.environments, ['staging', 'canary']);
    assert.equal(byPath.get('ENTREGABLES.md')?.environment, 'staging');
    assert.deepEqual(byPath.get('services/payments/release-checklist.md')?.environments, ['payments']);
    assert.equal(byPath.get('services/payments/release-checklist.md')?.environment, undefined);
    assert.deepEqual(byPath.get('DELIVERABLES.md')?.environments, ['edge', 'staging']);
    assert.equal(byPath.get('DELIVERABLES.md')?.environment, 'edge');
    assert.deepEqual([...result.environments].sort(), ['canary', 'edge', 'payments', 'staging']);
    assert.equal(new Set(result.environments).size, result.environments.length);
  });

  test("a run without a profile goes to the checklist's current environment; a named one to that checklist's own", async () => {
    const key = async (path: string) => {
      const { uri } = await server.open(path, checklist(path.includes('edge') ? 'Edge' : 'Shop'));
      const node = (await tree()).checklists.find((c) => c.uri === uri);
      const health = node?.items[0]?.tests[0];
      assert.ok(health, `a test in ${path}`);
      return { uri, testKeys: [health.key] };
    };
    const edgeTest = await key(join(edge, 'DELIVERABLES.md'));
    const shopTest = await key(join(shop, 'ENTREGABLES.md'));
    const before = { edge: count('edge'), staging: count('staging'), canary: count('canary') };

    // The edge folder's current environment is its own "edge", not the shop's "staging".
    assert.equal((await run(edgeTest)).passed, 1);
    assert.equal(count('edge'), before.edge + 1);
    // "staging" means another URL in each folder.
    assert.equal((await run({ ...edgeTest, environment: 'staging' })).passed, 1);
    assert.equal(count('canary'), before.canary + 1);
    assert.equal((await run(shopTest)).passed, 1);
    assert.equal(count('staging'), before.staging + 1);
    // The shop has no "edge": nothing is sent anywhere.
    const refused = await run({ ...shopTest, environment: 'edge' });
    assert.equal(refused.error, 'No environment named "edge" in readiness.environments (configured: staging, canary).');
    assert.deepEqual(
      [count('edge'), count('staging'), count('canary')],
      [before.edge + 1, before.staging + 1, before.canary + 1],
    );
  });

  test("the nested service's .readiness.json is its checklist's: its environment, nobody else's", async () => {
    const path = join(shop, 'services', 'payments', 'release-checklist.md');
    const { uri } = await server.open(path, checklist('Payments'));
    const health = (await tree()).checklists.find((c) => c.uri === uri)?.items[0]?.tests[0];
    assert.ok(health);
    const before = count('payments');
    assert.equal((await run({ uri, testKeys: [health.key], environment: 'payments' })).passed, 1);
    assert.equal(count('payments'), before + 1);
    const refused = await run({ uri, testKeys: [health.key], environment: 'canary' });
    assert.match(refused.error ?? '', /No environment named "canary" .*\(configured: payments\)/);
  });
});
