import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Item } from '../../server/src/core/model/checklist';
import { curlFiles } from '../../server/src/core/model/references/curl';
import { fenceReferences } from '../../server/src/core/model/references/fence';
import { asPath } from '../../server/src/core/model/references/pathLike';
import type { FileReference } from '../../server/src/core/model/references/types';
import { readFixture, sampleText } from '../support/texts';
import { analysisOf } from '../support/analyses';

/** A checklist with one item whose body is `body`, analysed; its references. */
function referencesIn(body: string): readonly FileReference[] {
  const text = `# T\n\n## 🟡 Ops\n\n### 1. Item\n\n**Estado**: ⏳ Pendiente\n\n${body}\n`;
  return analysisOf(text).checklist.items[0]?.references ?? [];
}

const paths = (refs: readonly FileReference[]) => refs.map((r) => r.path);
const lines = (...texts: string[]) => texts.map((text, line) => ({ line, text }));

describe('file references in the sample checklist', () => {
  const items = analysisOf(sampleText()).checklist.items;
  const summary = (item: Item) => item.references.map((r) => `${r.form} ${r.kind} ${r.path}`);

  test('are exactly the files and folders the items point at', () => {
    const found = Object.fromEntries(items.filter((i) => i.references.length > 0).map((i) => [i.id, summary(i)]));
    assert.deepEqual(found, {
      '3': ['curl file test/fixture.jpg'],
      '5': ['text folder data/transcripts', 'text folder data/tickets', 'text folder data/uploads'],
      '11': ['field file services/openaiService.js'],
      '13': ['text folder tests/e2e'],
      '17': ['field file docs/runbook.md'],
      '18': [
        'field folder docs/playbooks',
        'listed file docs/playbooks/high-error-rate.md',
        'listed file docs/playbooks/openai-failover.md',
        'listed file docs/playbooks/disk-full.md',
        'listed file docs/playbooks/memory-leak.md',
        'listed file docs/playbooks/hung-workers.md',
      ],
    });
  });

  test('cover the text as written, so a rewrite or a link lands on it', () => {
    const text = sampleText().split('\n');
    for (const item of items) {
      for (const r of item.references)
        assert.equal(text[r.range.start.line]?.slice(r.range.start.character, r.range.end.character), r.text);
    }
    const curl = items[2]?.references[0];
    assert.equal(curl?.text, './test/fixture.jpg');
    const listed = items[17]?.references[3];
    assert.equal(listed?.text, 'disk-full.md');
    assert.equal(listed?.directory, 'docs/playbooks');
  });

  test('are the same in the other fixture documents, which have none of those false positives', () => {
    for (const name of ['DELIVERABLES.en.md', 'ENTREGABLES.escenarios.md']) {
      const checklist = analysisOf(readFixture('documents', name)).checklist;
      assert.deepEqual(
        checklist.items.flatMap((i) => paths(i.references)),
        [],
        name,
      );
    }
  });
});

describe('file references: each form', () => {
  test('code spans in prose: a file and a folder', () => {
    const refs = referencesIn('Ver `docs/runbook.md` y `docs/playbooks/` antes del deploy.');
    assert.deepEqual(
      refs.map((r) => [r.form, r.kind, r.path, r.text]),
      [
        ['code-span', 'file', 'docs/runbook.md', 'docs/runbook.md'],
        ['code-span', 'folder', 'docs/playbooks', 'docs/playbooks/'],
      ],
    );
    assert.equal(refs[0]?.inFence, false);
  });

  test('a code span with a bare name or a well-known file is a reference; SMART_MODE and p95 are not', () => {
    assert.deepEqual(
      paths(
        referencesIn(
          'Edit `README.md`, `Dockerfile` and `index.ts`; set `SMART_MODE`, watch `p95`, use `fs.promises`.',
        ),
      ),
      ['README.md', 'Dockerfile', 'index.ts'],
    );
  });

  test('prose: services/openaiService.js inside a sentence is found, with the punctuation around it left out', () => {
    const refs = referencesIn('El circuit-breaker vive en services/openaiService.js, y el runbook (docs/runbook.md).');
    assert.deepEqual(
      refs.map((r) => [r.form, r.text]),
      [
        ['text', 'services/openaiService.js'],
        ['text', 'docs/runbook.md'],
      ],
    );
    const line = 'El circuit-breaker vive en services/openaiService.js, y el runbook (docs/runbook.md).';
    assert.equal(refs[0]?.range.start.character, line.indexOf('services/'));
    assert.equal(refs[0]?.range.end.character, line.indexOf(','));
  });

  test('prose: ./ paths and known folders with a trailing slash', () => {
    assert.deepEqual(
      paths(referencesIn('Los transcripts quedan en data/transcripts/ y el script en ./scripts/backup.sh.')),
      ['data/transcripts', 'scripts/backup.sh'],
    );
  });

  test('a relative markdown link is a reference; URLs and anchors are not', () => {
    const refs = referencesIn(
      'Ver [el runbook](docs/runbook.md), [la guía](https://example.com/docs/guide.md) y [arriba](#resumen).',
    );
    assert.deepEqual(
      refs.map((r) => [r.form, r.path, r.text]),
      [['link', 'docs/runbook.md', 'docs/runbook.md']],
    );
  });

  test('fenced File: and Directory: lines, and the files listed under the directory', () => {
    const refs = fenceReferences(
      lines(
        'Runbook Location:',
        '- File: docs/runbook.md',
        '- Link: [LINK AL ARCHIVO EN REPO]',
        '',
        'Playbooks Location:',
        '- Directory: docs/playbooks/',
        '- Files:',
        '  - high-error-rate.md',
        '  - disk-full.md',
        '',
        'Links: [LINKS A CADA PLAYBOOK]',
      ),
    );
    assert.deepEqual(
      refs.map((r) => [r.form, r.kind, r.path, r.key ?? r.directory]),
      [
        ['field', 'file', 'docs/runbook.md', 'File'],
        ['field', 'folder', 'docs/playbooks', 'Directory'],
        ['listed', 'file', 'docs/playbooks/high-error-rate.md', 'docs/playbooks'],
        ['listed', 'file', 'docs/playbooks/disk-full.md', 'docs/playbooks'],
      ],
    );
    assert.deepEqual(refs[2]?.range, { start: { line: 7, character: 4 }, end: { line: 7, character: 22 } });
  });

  test('Spanish keys and a folder written without its slash', () => {
    const refs = fenceReferences(
      lines(
        '- Archivo: services/openaiService.js',
        '- Directorio: playbooks',
        '  - disk-full.md',
        '- Ubicación: runbook.md',
      ),
    );
    assert.deepEqual(
      refs.map((r) => [r.form, r.kind, r.path]),
      [
        ['field', 'file', 'services/openaiService.js'],
        ['field', 'folder', 'playbooks'],
        ['listed', 'file', 'playbooks/disk-full.md'],
        ['field', 'file', 'runbook.md'],
      ],
    );
  });

  test('a listing ends at a blank line or at a line back at the margin', () => {
    const refs = fenceReferences(
      lines('- Directory: docs/playbooks/', '  - a.md', 'Links:', '  - b.md', '- Directory: x/', '', '  - c.md'),
    );
    // b.md and c.md are still file names, but of the repository's root, not of the directory.
    assert.deepEqual(
      refs.map((r) => [r.path, r.directory]),
      [
        ['docs/playbooks', undefined],
        ['docs/playbooks/a.md', 'docs/playbooks'],
        ['b.md', undefined],
        ['x', undefined],
        ['c.md', undefined],
      ],
    );
  });

  test('the @file arguments of curl commands, across continued lines', () => {
    const refs = fenceReferences(
      lines(
        '$ curl -sS -X POST "http://staging-host/api/upload-image" \\',
        '  -H "x-session-id: <sid>" \\',
        '  -F "image=@./test/fixture.jpg" | jq',
        'curl -d @body.json --data-binary @payload/big.bin -T upload.tar https://x',
        'curl -d \'{"sessionId":"<sid>"}\' -d @- -F file=@$HOME/x.png http://h',
      ),
    );
    assert.deepEqual(
      refs.map((r) => [r.form, r.path, r.text]),
      [
        ['curl', 'test/fixture.jpg', './test/fixture.jpg'],
        ['curl', 'body.json', 'body.json'],
        ['curl', 'payload/big.bin', 'payload/big.bin'],
        ['curl', 'upload.tar', 'upload.tar'],
      ],
    );
  });

  test('a curl command in a code span', () => {
    assert.deepEqual(
      paths(referencesIn('Probar con `curl -F "image=@fixtures/cat.png" http://localhost:3000/api/upload-image`.')),
      ['fixtures/cat.png'],
    );
    assert.deepEqual(curlFiles('curl --form avatar=@me.jpg'), [{ text: 'me.jpg', start: 20, end: 26 }]);
  });

  test('a markdown link inside a fence counts once, by its target', () => {
    const refs = fenceReferences(lines('- Link: [docs/runbook.md](docs/runbook.md)'));
    assert.deepEqual(
      refs.map((r) => [r.form, r.path, r.range.start.character]),
      [['link', 'docs/runbook.md', 26]],
    );
  });
});

describe('file references: no false positives', () => {
  const notPaths = [
    'http://staging-host/api/health',
    'https://ci.example.com/job/42',
    'www.example.com/docs/x.md',
    'github.com/org/repo/blob/main/docs/runbook.md',
    'host:port',
    '[host:port]',
    'staging-host:6379',
    '@backend-lead',
    'juan@example.com',
    'feature/openai-circuit-breaker',
    'OPEN/HALF/CLOSED',
    'p95/p99',
    'Build/Compile',
    '[TAG/SHA]',
    'application/json',
    '/api/chat',
    '/api/session/validate',
    'fs.promises',
    'openai.requests',
    'uploads.avgAnalysisTime',
    'Node.js',
    'D3.js',
    '0.5%',
    '1.2.3',
    '24-48h',
    'Dev/CI',
    'I/O',
    'Trivy/Snyk',
    'enlaces/evidencias',
    'screenshot/metadata',
    'etc.',
    'e.g.',
    '<sid>',
    'token=<LOG_TOKEN>',
    '~/secrets.env',
    'image=@./test/fixture.jpg',
    'client/server',
    'test/prod',
    'and/or',
    '24/7',
    'captura.png',
  ];
  for (const word of notPaths) {
    test(`"${word}" is not a path in prose`, () => {
      assert.equal(asPath(word.replace(/^\[|\]$/g, ''), 'text'), undefined);
    });
  }

  test('a fenced block full of them yields nothing', () => {
    const refs = fenceReferences(
      lines(
        'PR Link: [PEGAR ENLACE AL PR]',
        'Branch: feature/openai-circuit-breaker (o nombre del branch)',
        '  - Backend Lead: @backend-lead',
        '$ curl -sS -X GET "http://staging-host/api/health" | jq',
        '  -H "Content-Type: application/json" -d \'{}\' | jq',
        '- Host:Port: [host:port]',
        '- Tag: [TAG/SHA]',
        '- Circuit states: OPEN/HALF/CLOSED',
        '- [ ] p95/p99 latency /api/chat',
        '- [ ] Build/Compile del proyecto',
        '$ redis-cli -h [host] -p [port] ping',
        '- Dockerfile: [LINK O RUTA AL DOCKERFILE]',
        '- Metrics: circuit_state, openai.failures',
        'Error rate 5xx > 0.5% (5m) → PagerDuty: [CONFIGURADA]',
      ),
    );
    assert.deepEqual(paths(refs), []);
  });
});

describe('asPath', () => {
  test('normalises ./ and trailing slashes and tells files from folders', () => {
    assert.deepEqual(asPath('./test/fixture.jpg', 'text'), { path: 'test/fixture.jpg', kind: 'file' });
    assert.deepEqual(asPath('docs/playbooks/', 'text'), { path: 'docs/playbooks', kind: 'folder' });
    assert.deepEqual(asPath('docs/playbooks', 'text'), { path: 'docs/playbooks', kind: 'any' });
    // `data` is also a word: without a slash at the end, only a code span makes it a path.
    assert.equal(asPath('data/transcripts', 'text'), undefined);
    assert.deepEqual(asPath('data/transcripts', 'code-span'), { path: 'data/transcripts', kind: 'any' });
    assert.deepEqual(asPath('../shared/runbook.md', 'text'), { path: '../shared/runbook.md', kind: 'file' });
  });

  test('a bare name needs a document extension in prose, and more evidence for code', () => {
    assert.deepEqual(asPath('README.md', 'text'), { path: 'README.md', kind: 'file' });
    assert.deepEqual(asPath('openaiService.js', 'text'), { path: 'openaiService.js', kind: 'file' });
    assert.equal(asPath('Node.js', 'text'), undefined);
    assert.equal(asPath('Dockerfile', 'text'), undefined);
    assert.deepEqual(asPath('Dockerfile', 'code-span'), { path: 'Dockerfile', kind: 'file' });
    assert.deepEqual(asPath('playbooks/', 'text'), { path: 'playbooks', kind: 'folder' });
    assert.equal(asPath('runbooks-old/', 'text'), undefined);
  });
});
