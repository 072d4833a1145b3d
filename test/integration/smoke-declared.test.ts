// The core's side of "environment variables by declaration only": a SecretProvider that may
// not read a name is never asked for it, and the test that uses it is not run, with a reason.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  defaultSmokeSettings,
  describeReason,
  runSmokeTests,
  smokeTestsOf,
  type SecretProvider,
} from '../../server/src/core/smoke';
import { nodeEnvironment } from '../staging-server/testing';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer';

describe('secret names a provider may not read', () => {
  let staging: RecordingServer;
  before(async () => (staging = await startRecordingServer()));
  after(() => staging.close());

  test('are never asked for; their tests are not run; the others are', async () => {
    const text = [
      '# Deliverables',
      '',
      '## 🔴 BLOCKERS',
      '',
      '### 1. Smoke',
      '',
      '**Status**: ⏳ Pending',
      '',
      '```bash',
      '$ curl "http://staging-host/a?token=<LOG_TOKEN>"',
      '',
      '$ curl -H "X-Key: <HOME>" "http://staging-host/b"',
      '',
      '$ curl "http://staging-host/c?k=<AWS_SECRET_ACCESS_KEY>"',
      '```',
      '',
    ].join('\n');
    const asked: string[] = [];
    const secrets: SecretProvider = {
      mayRead: (name) => name === 'LOG_TOKEN',
      get: (name) => (asked.push(name), Promise.resolve(`value-of-${name}`)),
    };
    const run = await runSmokeTests(
      smokeTestsOf(text),
      { ...defaultSmokeSettings, baseUrl: staging.url },
      { ...nodeEnvironment(), secrets },
    );
    assert.deepEqual(asked, ['LOG_TOKEN']);
    assert.deepEqual(
      run.results.map((r) => [r.outcome, r.reasons[0]?.code]),
      [
        ['passed', undefined],
        ['not-run', 'undeclared-secret'],
        ['not-run', 'undeclared-secret'],
      ],
    );
    assert.deepEqual(
      staging.requests.map((r) => r.url),
      ['/a?token=value-of-LOG_TOKEN'],
    );
    const reason = run.results[1]?.reasons[0];
    assert.ok(reason);
    assert.equal(
      describeReason(reason, 'es'),
      '<HOME> no es un secreto que declare la lista de secretos del checklist: su valor no se leyó',
    );
  });
});
