// readiness.maxProblems over the protocol: a document with more findings than the editor shows is given
// the ones VS Code would keep (errors, then warnings, ...), after one diagnostic that counts the rest,
// pushed or pulled; the quick fixes of the shown diagnostics still apply.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DocumentDiagnosticRequest,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { startServer, type TestServer } from '../support/lspClient';
import { cliBundle, repoRoot, samplePath, sampleText, sampleWorkspace } from '../support/paths';

const TODAY = '2025-12-08';
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** What `readiness check` reports for the same text, every finding. */
function cliFindings(): { severity: string; message: string; range: Diagnostic['range'] }[] {
  const args = [cliBundle, 'check', samplePath, '--format', 'json', '--fail-on', 'none', '--today', TODAY];
  const out = JSON.parse(execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' })) as {
    files: { diagnostics: { severity: string; message: string; range: Diagnostic['range'] }[] }[];
  };
  return out.files[0]?.diagnostics ?? [];
}

describe('language server: readiness.maxProblems', () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.stop())));

  test('pushed: the first warnings in document order, after the count of the rest', async () => {
    const server = await startServer({ workspaceFolder: sampleWorkspace, today: TODAY, settings: { maxProblems: 25 } });
    servers.push(server);
    const all = cliFindings();
    const warnings = all.filter((d) => d.severity === 'warning');
    assert.ok(warnings.length >= 24 && all.length > 25, 'the sample has more findings than the limit');
    const { diagnostics } = await server.open(samplePath, sampleText());
    assert.equal(diagnostics.length, 25);
    const [count, ...shown] = diagnostics;
    assert.equal(count?.code, 'too-many-findings');
    assert.equal(count?.severity, DiagnosticSeverity.Information);
    assert.equal(
      messageOf(count),
      `Showing 24 of ${all.length} findings, errors first: the editor shows at most 25 (readiness.maxProblems). \`readiness check\` lists them all.`,
    );
    assert.equal(count?.codeDescription?.href.endsWith('README.md#too-many-findings'), true);
    assert.deepEqual(
      shown.map((d) => [d.range, messageOf(d)]),
      warnings.slice(0, 24).map((d) => [d.range, d.message]),
    );

    // A shown diagnostic has the quick fixes it has without the limit.
    const unlimited = await startServer({ workspaceFolder: sampleWorkspace, today: TODAY });
    servers.push(unlimited);
    await unlimited.open(samplePath, sampleText());
    const actionsOf = (on: TestServer, d: Diagnostic) =>
      on.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: pathToFileURL(samplePath).href },
        range: d.range,
        context: { diagnostics: [d] },
      }) as Promise<CodeAction[]>;
    let offered = 0;
    for (const d of shown) {
      const actions = await actionsOf(server, d);
      assert.deepEqual(actions, await actionsOf(unlimited, d));
      offered += actions.filter((a) => a.diagnostics?.some((x) => x.message === d.message)).length;
    }
    assert.ok(offered > 0);
  });

  test('pulled: the same list; by default, a document with fewer findings than 1000 is given them all', async () => {
    const server = await startServer({
      workspaceFolder: sampleWorkspace,
      today: TODAY,
      pullDiagnostics: true,
      settings: { maxProblems: 25 },
    });
    servers.push(server);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: pathToFileURL(samplePath).href, languageId: 'markdown', version: 1, text: sampleText() },
    });
    const report: FullDocumentDiagnosticReport = await server.connection.sendRequest(DocumentDiagnosticRequest.method, {
      textDocument: { uri: pathToFileURL(samplePath).href },
    });
    assert.equal(report.items.length, 25);
    assert.equal(report.items[0]?.code, 'too-many-findings');

    const unlimited = await startServer({ workspaceFolder: sampleWorkspace, today: TODAY });
    servers.push(unlimited);
    const { diagnostics } = await unlimited.open(samplePath, sampleText());
    assert.equal(diagnostics.length, cliFindings().length);
    assert.ok(!diagnostics.some((d) => d.code === 'too-many-findings'));
  });

  test('a checklist with thousands of findings is given 1000 by default', async () => {
    const server = await startServer({ workspaceFolder: sampleWorkspace, today: TODAY });
    servers.push(server);
    const big = Array.from({ length: 8 }, () => sampleText()).join('\n');
    const { diagnostics } = await server.open(join(sampleWorkspace, 'BIG-ENTREGABLES.md'), big);
    assert.equal(diagnostics.length, 1000);
    assert.match(messageOf(diagnostics[0]), /^Showing 999 of \d{4} findings/);
  });
});
