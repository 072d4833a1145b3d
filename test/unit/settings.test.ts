import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../server/src/core/messages';
import {
  findConfig,
  mergeLayers,
  parseConfigText,
  toSettings,
  type ConfigFilePort,
} from '../../server/src/core/settings';
import type { ReadinessPorts } from '../../server/src/core/ports';
import { createReadinessService } from '../../server/src/core/service';
import { sampleText } from '../support/texts';
import { analysisOf } from '../support/analyses';

function memoryPort(
  files: Record<string, string>,
  repositories: readonly string[] = [],
): ConfigFilePort & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readText: (path) => {
      reads.push(path);
      return Promise.resolve(files[path]);
    },
    isRepositoryRoot: (folder) => Promise.resolve(repositories.includes(folder)),
  };
}

describe('the configuration file', () => {
  test('parses every setting, with comments and trailing commas', () => {
    const text = `{
      // the project's own words
      "files": ["docs/**/*.md"],
      "ignore": ["drafts/**"],
      "severity": { "overdue": "error", "bracketed-value": "off", "placeholder": "hint" },
      "stateWords": { "done": ["Hecho y firmado"], "at-risk": ["En riesgo"] },
      "blockerMarks": ["🚨", "SHOWSTOPPER"],
      "secrets": { "allow": ["^sk_test_"] },
      "smoke": { "captures": { "sid": "data.session.id" }, "allowedHosts": ["api.staging.acme.io"] },
    }`;
    const parsed = parseConfigText(text, 'readiness');
    assert.deepEqual(parsed.problems, []);
    const settings = toSettings(parsed.raw);
    assert.deepEqual(settings.files, ['docs/**/*.md']);
    assert.deepEqual(settings.ignore, ['drafts/**']);
    assert.deepEqual(settings.analysis.severities, { overdue: 'error', 'bracketed-value': 'off' });
    assert.equal(settings.analysis.placeholderSeverity.other, 'hint');
    assert.deepEqual(settings.analysis.stateWords, { done: ['Hecho y firmado'], 'at-risk': ['En riesgo'] });
    assert.deepEqual(settings.analysis.blockerMarks, ['🚨', 'SHOWSTOPPER']);
    assert.equal(settings.analysis.secretsAllow[0]?.source, '^sk_test_');
    assert.deepEqual(settings.smoke.captures, { sid: 'data.session.id' });
    assert.deepEqual(settings.smoke.allowedHosts, ['api.staging.acme.io']);
  });

  test('syntax errors, unknown settings and wrong types are problems with their place; valid settings still apply', () => {
    const broken = parseConfigText('{\n  "files": [\n}', 'readiness');
    assert.equal(broken.raw, undefined);
    assert.match(broken.problems[0]?.message ?? '', /invalid JSON/);
    assert.equal(broken.problems[0]?.range.start.line, 2);

    const mixed = parseConfigText(
      '{\n  "fiels": ["x"],\n  "ignore": "drafts/**",\n  "severity": { "overdue": "loud" },\n  "secrets": { "allow": ["("] },\n  "maxFileSize": 10\n}',
      'readiness',
    );
    assert.deepEqual(
      mixed.problems.map((p) => [p.range.start.line, p.message]),
      [
        [1, 'unknown setting "fiels"'],
        [2, '"ignore" must be a list of strings'],
        [3, '"severity.overdue" must be one of error, warning, information, hint, off'],
        [4, '"secrets.allow" must be a list of regular expressions ("(" is not one)'],
      ],
    );
    assert.deepEqual(mixed.raw, { severity: {}, secrets: {}, maxFileSize: 10 });
    assert.deepEqual(
      parseConfigText('[1]', 'readiness').problems.map((p) => p.message),
      ['the configuration must be an object'],
    );
    assert.deepEqual(parseConfigText('', 'readiness').problems.length, 1);
    assert.deepEqual(
      parseConfigText('{"fiels": [], "ignore": 3}', 'readiness', translator('es')).problems.map((p) => p.message),
      ['ajuste desconocido "fiels"', '"ignore" debe ser una lista de textos'],
    );
  });

  test('reads the readiness key of a package.json', () => {
    const parsed = parseConfigText('{ "name": "app", "readiness": { "ignore": ["old/**"] } }', 'package');
    assert.deepEqual(parsed.raw, { ignore: ['old/**'] });
    assert.equal(parseConfigText('{ "name": "app" }', 'package').raw, undefined);
  });

  test('editor settings the user set win over the file, key by key', () => {
    const file = { severity: { overdue: 'error', placeholder: 'hint' }, smoke: { captures: { sid: 'id' } } };
    const merged = mergeLayers(file, { severity: { overdue: 'warning' } }, null);
    assert.deepEqual(merged, {
      severity: { overdue: 'warning', placeholder: 'hint' },
      smoke: { captures: { sid: 'id' } },
    });
  });

  test('severities from the configuration apply to findings, and off drops a code', () => {
    const settings = toSettings({ severity: { 'unfilled-placeholder': 'off', overdue: 'error' } });
    const analysis = analysisOf(sampleText(), {
      settings: settings.analysis,
      today: '2026-11-28',
    });
    assert.equal(analysis.findings.filter((f) => f.code === 'unfilled-placeholder').length, 0);
    const overdue = analysis.findings.filter((f) => f.code === 'overdue');
    assert.equal(overdue.length, 20);
    assert.ok(overdue.every((f) => f.severity === 'error'));
  });
});

describe('finding the configuration file', () => {
  test('from the checklist folder upward: .readiness.json first, then package.json with a readiness key', async () => {
    const port = memoryPort({
      '/repo/.readiness.json': '{"ignore": ["a"]}',
      '/repo/docs/package.json': '{"name": "docs"}',
    });
    const found = await findConfig('/repo/docs/release', port);
    assert.equal(found?.path, '/repo/.readiness.json');
    assert.deepEqual(found?.parsed.raw, { ignore: ['a'] });
    const pkg = await findConfig(
      '/repo/app',
      memoryPort({ '/repo/app/package.json': '{"readiness": {"files": ["*.md"]}}', '/repo/.readiness.json': '{}' }),
    );
    assert.equal(pkg?.path, '/repo/app/package.json');
  });

  test('a package.json that only mentions "readiness" is passed over; one with the key, comments or errors is read', async () => {
    const above = { '/repo/.readiness.json': '{"ignore": ["above"]}' };
    const passedOver = [
      '{"name": "readiness", "scripts": {"readiness": "readiness check"}}',
      '{"dependencies": {"readiness": "1.0.0"}, "nested": {"readiness": {"files": ["x.md"]}}}',
      '["readiness"]',
      '"readiness"',
    ];
    for (const text of passedOver) {
      const found = await findConfig('/repo/app', memoryPort({ ...above, '/repo/app/package.json': text }));
      assert.equal(found?.path, '/repo/.readiness.json', text);
    }
    const read = [
      ['{"name": "x", "readiness": {"files": ["*.md"]}}', { files: ['*.md'] }, 0],
      // Comments are not JSON: the full parse reports them.
      ['{"readiness": {}, // comment\n"name": "x"}', undefined, 1],
      ['{"readiness": {"files": ["*.md"],}}', { files: ['*.md'] }, 0],
      ['{"name": "readiness",', undefined, 1],
    ] as const;
    for (const [text, raw, problems] of read) {
      const found = await findConfig('/repo/app', memoryPort({ ...above, '/repo/app/package.json': text }));
      assert.equal(found?.path, '/repo/app/package.json', text);
      assert.deepEqual(found?.parsed.raw, raw, text);
      assert.equal(found?.parsed.problems.length, problems, text);
    }
  });

  test('stops at the workspace folder and at the repository root', async () => {
    const files = { '/home/.readiness.json': '{"ignore": ["x"]}' };
    assert.equal(await findConfig('/home/me/repo/docs', memoryPort(files, ['/home/me/repo'])), undefined);
    assert.equal(await findConfig('/home/me/ws/docs', memoryPort(files), '/home/me/ws'), undefined);
    assert.equal((await findConfig('/home/me/ws/docs', memoryPort(files)))?.path, '/home/.readiness.json');
  });

  test('Windows paths', async () => {
    const found = await findConfig('C:\\work\\repo\\docs', memoryPort({ 'C:/work/.readiness.json': '{}' }));
    assert.equal(found?.path, 'C:/work/.readiness.json');
  });
});

describe('configuration reaches the checklist model', () => {
  const doc = `# Release\n\n## 1. Backups\n\n**Estado**: Despachado\n\n## 2. Rollback 🧨\n\n**Estado**: Pendiente\n`;

  test('stateWords and blockerMarks from .readiness.json name states and blockers', () => {
    const service = createReadinessService({
      ...fakePorts(),
      configFiles: memoryPort({
        '/repo/.readiness.json': '{ "stateWords": { "done": ["Despachado"] }, "blockerMarks": ["🧨"] }',
      }),
    });
    return service.config.find('/repo/docs', '/repo').then((found) => {
      assert.deepEqual(found?.parsed.problems, []);
      const settings = toSettings(mergeLayers(found?.parsed.raw));
      const { checklist } = service.analyse(doc, { settings: settings.analysis });
      assert.equal(checklist.items[0]?.state, 'done');
      assert.equal(checklist.items[1]?.blocker, true);
      assert.equal(checklist.items[0]?.blocker, false);
      const plain = service.analyse(doc).checklist;
      assert.notEqual(plain.items[0]?.state, 'done');
      assert.equal(plain.items[1]?.blocker, false, 'the mark is not a built-in one');
    });
  });

  test('the service parses configuration text', () => {
    const service = createReadinessService(fakePorts());
    assert.deepEqual(
      service.config.parse('{ "stateWords": { "done": ["Hecho y firmado"] } }', 'readiness').problems,
      [],
    );
    assert.equal(service.config.parse('{ "nope": 1 }', 'readiness', translator('en')).problems.length, 1);
  });
});

function fakePorts(): ReadinessPorts {
  return {
    files: {
      stat: () => Promise.resolve(undefined),
      readText: () => Promise.resolve(undefined),
    } as unknown as ReadinessPorts['files'],
    http: { send: () => Promise.reject(new Error('no network')) } as unknown as ReadinessPorts['http'],
    clock: { now: () => 0, setTimer: () => () => undefined } as unknown as ReadinessPorts['clock'],
    secrets: { get: () => Promise.resolve(undefined) } as unknown as ReadinessPorts['secrets'],
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    settings: { locale: () => 'en', today: () => '2025-12-06' },
  };
}
