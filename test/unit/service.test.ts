// The core's front door over in-memory ports: a frozen object whose operations use the ports it was
// given (the HTTP port for smoke runs, the file probe for references, the settings' date and locale).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HttpRequest, ReadinessPorts } from '../../server/src/core/ports';
import { createReadinessService } from '../../server/src/core/service';
import { defaultSmokeSettings } from '../../server/src/core/api';
import { memoryProbe } from '../support/memoryFiles';
import { sampleText } from '../support/texts';

function ports(overrides: Partial<ReadinessPorts> = {}): ReadinessPorts & { readonly sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    files: memoryProbe({ '/work/docs/runbook.md': '# Runbook\n' }),
    http: {
      send: (request) => {
        sent.push(request);
        return Promise.resolve({
          status: 200,
          statusText: 'OK',
          headers: [['content-type', 'application/json']],
          body: new TextEncoder().encode('{"status":"ok"}'),
          truncated: false,
        });
      },
    },
    clock: { now: () => sent.length * 5, setTimer: () => () => undefined },
    secrets: { get: () => Promise.resolve(undefined) },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    settings: { locale: () => 'es', today: () => '2025-12-08' },
    ...overrides,
  };
}

describe('readiness service', () => {
  test("a frozen object; analyses use the settings' date and language", () => {
    const service = createReadinessService(ports());
    assert.ok(Object.isFrozen(service) && Object.isFrozen(service.fixes) && Object.isFrozen(service.smoke));
    const analysis = service.analyse(sampleText());
    assert.ok(
      analysis.findings.some((f) => f.code === 'overdue'),
      'overdue against 2025-12-08',
    );
    assert.match(analysis.findings.find((f) => f.code === 'overdue')?.message ?? '', /vencía el 2025-12-07/);
    assert.equal(service.messages('en')('smoke.summary.passed', 1), '1 passed');
    const verdict = service.view({
      analysis,
      text: sampleText(),
      suite: service.smoke.tests(analysis.checklist, sampleText()),
    }).verdict;
    assert.equal(verdict?.decision, 'no-go');
    assert.deepEqual(verdict?.blockers, { ready: 0, total: 6, declared: true });
    assert.equal(verdict?.summary, 'NO-GO: 6 de 6 bloquers pendientes', "in the settings' language");
  });

  test('one analyser per document keeps its caches and gives the same answer as a fresh analysis', () => {
    const service = createReadinessService(ports());
    const document = service.openDocument();
    const first = document.analyse(sampleText());
    const again = document.analyse(sampleText().replace('Dev Lead / Dev + CI', 'Dev Lead'));
    assert.equal(first.checklist.items.length, again.checklist.items.length);
    assert.deepEqual(again.findings, service.analyse(sampleText().replace('Dev Lead / Dev + CI', 'Dev Lead')).findings);
  });

  test('smoke runs go through the HTTP port', async () => {
    const p = ports();
    const service = createReadinessService(p);
    const text = sampleText();
    const suite = service.smoke.tests(service.analyse(text).checklist, text);
    const first = suite.tests[0];
    assert.ok(first);
    const run = await service.smoke.run(
      suite,
      { ...defaultSmokeSettings, baseUrl: 'http://127.0.0.1:9' },
      { files: { read: () => Promise.reject(new Error('no files')) } },
      { tests: [first] },
    );
    assert.equal(p.sent.length, 1);
    assert.match(p.sent[0]?.url ?? '', /^http:\/\/127\.0\.0\.1:9\/api\/health/);
    assert.equal(run.results[0]?.outcome, 'passed');
  });

  test('file references are checked through the file probe', async () => {
    const service = createReadinessService(ports());
    const text =
      '# Checklist\n\n## 🔴 Blockers\n\n### 1. Runbook\n**Owner**: SRE\n**Status**: pending\n\nSee `docs/runbook.md` and `docs/missing.md`.\n';
    const analysis = service.analyse(text);
    const bases = ['/work'];
    const paths = service.references.paths(analysis.checklist, bases);
    const facts = await service.references.gather(paths);
    const missing = service.references
      .findings({ checklist: analysis.checklist, bases, facts })
      .filter((f) => f.code === 'missing-file');
    assert.deepEqual(
      missing.map((f) => (f.code === 'missing-file' ? f.data.path : '')),
      ['docs/missing.md'],
    );
  });
});
