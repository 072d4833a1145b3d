// Named environments (`environments` and `environment` in .readiness.json or the editor settings):
// read, checked, and applied to a run's smoke settings. In-memory inputs only.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inEnvironment, parseConfigText, toSettings } from '../../server/src/core/settings';

describe('environments', () => {
  const raw = {
    smoke: { baseUrl: 'http://localhost:3000', allowedHosts: ['auth.example.com'] },
    environments: {
      staging: { baseUrl: 'https://staging.example.com' },
      canary: { baseUrl: 'https://canary.example.com/v2', allowedHosts: ['cdn.canary.example.com'] },
      broken: { baseUrl: 'ftp://nope' },
    },
    environment: 'canary',
  };

  test('read in order; entries without an http(s) base URL are left out; the current one is named', () => {
    const settings = toSettings(raw);
    assert.deepEqual(Object.keys(settings.environments), ['staging', 'canary']);
    assert.equal(settings.environment, 'canary');
    // Evidence is judged against the current environment's base URL.
    assert.equal(settings.analysis.evidence?.baseUrl, 'https://canary.example.com/v2');
  });

  test('a run in an environment: its base URL, the common allowed hosts and its own', () => {
    const settings = toSettings(raw);
    const canary = inEnvironment(settings, 'canary');
    assert.equal(canary?.baseUrl, 'https://canary.example.com/v2');
    assert.deepEqual(canary?.allowedHosts, ['auth.example.com', 'cdn.canary.example.com']);
    assert.equal(canary?.environment, 'canary');
    assert.equal(inEnvironment(settings, 'prod'), undefined);
    assert.equal(inEnvironment(settings, 'constructor'), undefined);
    assert.equal(inEnvironment(toSettings({}), 'staging'), undefined);
  });

  test('.readiness.json: a malformed environment is a problem with its place, the rest is kept', () => {
    const parsed = parseConfigText(
      '{ "environments": { "staging": { "baseUrl": 42 } }, "environment": "staging" }',
      'readiness',
    );
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0]?.message ?? '', /named environments/);
    const good = parseConfigText(
      '{ "environments": { "staging": { "baseUrl": "https://s.example.com", "allowedHosts": ["a.example.com"] } } }',
      'readiness',
    );
    assert.deepEqual(good.problems, []);
  });
});
