// The supervisor's report: its model on real checklists, and each rendering checked by a real
// parser (parse5 for the HTML, remark-gfm for the markdown), on the sample and on hostile input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { translator } from '../../server/src/core/messages';
import { buildReport, renderHtml, renderMarkdown, renderReport, type ReportModel } from '../../server/src/core/report';
import { OPENAI_KEY_VALUE } from '../support/secretSamples';
import { readFixture, sampleText } from '../support/texts';
import { analysisOf } from '../support/analyses';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const en = translator('en');

function report(text: string, today = '2025-12-10', t = en): ReportModel {
  const analysis = analysisOf(text, { today });
  return buildReport(analysis, { text, t, path: 'ENTREGABLES.md', today, referencesChecked: false });
}

/** Parses HTML with parse5, failing on any parse error: the report must be well-formed. */
function parseHtml(html: string) {
  const errors: string[] = [];
  const document = parse(html, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`),
  });
  assert.deepEqual(errors, [], 'the HTML has parse errors');
  const elements: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) elements.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if ('content' in node && node.content) walk(node.content as Node);
  };
  walk(document);
  return elements;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function parseMarkdown(md: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(md);
}

/** The tags of the raw HTML in a markdown tree: only the report's own may appear. */
function htmlTags(tree: Root): string[] {
  const tags: string[] = [];
  visit(tree, 'html', (node) => {
    for (const match of node.value.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) tags.push((match[1] ?? '').toLowerCase());
  });
  return [...new Set(tags)].sort();
}

const completed = () => readFixture('gate', 'ENTREGABLES.completo.md');

describe('report model', () => {
  test('the sample: verdict, items with owners and overdue dates, owners, smoke tests, sign-offs', () => {
    const model = report(sampleText());
    assert.equal(model.schema, 'readiness-report/1');
    assert.equal(model.title, '📦 ENTREGABLES PARA SUPERVISOR DE PRODUCCIÓN');
    assert.equal(model.verdict.decision, 'no-go');
    assert.equal(model.items.length, 21);
    assert.deepEqual(model.header, {
      created: '2025-12-07',
      lastUpdated: '2025-12-07',
      overallStatus: '⏳ PENDIENTE DE ENTREGA POR EQUIPO',
    });
    const first = model.items[0];
    assert.equal(first?.owner, 'Dev Lead / Dev + CI');
    assert.equal(first?.due, '2025-12-07');
    assert.equal(first?.overdue, true);
    assert.equal(first?.openBlanks.length, 2);
    // Items 8 and 9 (72h) are due 2025-12-10: not overdue today.
    assert.equal(model.items[7]?.overdue, false);
    // SRE owes the most blockers (4, 5, 6 via "Dev / SRE").
    assert.equal(model.owners[0]?.owner, 'SRE');
    assert.equal(model.owners[0]?.blockers, 3);
    assert.equal(model.smokeTests.length, 7);
    assert.ok(model.smokeTests.every((s) => s.outcome === 'not-run' && s.timeMs === undefined));
    assert.equal(model.smokeTests[3]?.criterion, '<2s');
    assert.deepEqual(
      model.signOffs.map((s) => [s.role, s.signed]),
      [
        ['Security Sign-Off', false],
        ['Product Owner Sign-Off', false],
        ['Backend Lead Approval', false],
        ['SRE Approval', false],
      ],
    );
    assert.ok(model.references.some((r) => r.path === 'docs/runbook.md' && r.status === 'unchecked'));
  });

  test('the completed sample: GO, smoke tests passed with their times and when they ran, sign-offs signed', () => {
    const model = report(completed());
    assert.equal(model.verdict.decision, 'go');
    assert.deepEqual(
      model.smokeTests.map((s) => [s.number, s.outcome, s.timeMs]),
      [
        ['1', 'passed', 38],
        ['2', 'passed', 52],
        ['3', 'passed', 21],
        ['4', 'passed', 1420],
        ['5', 'passed', 310],
        ['6', 'passed', 64],
        ['7', 'passed', undefined],
        // Item 7's redis-cli ping and telnet checks, their hosts filled in.
        ['8', 'passed', undefined],
        ['9', 'passed', undefined],
      ],
    );
    assert.equal(model.smokeTests[0]?.ranAt, '2025-12-08 10:32');
    assert.equal(model.smokeTests[3]?.limitMs, 2000);
    assert.deepEqual(
      model.signOffs.map((s) => s.signature),
      ['Ana Torres - 2025-12-09', 'Sofía Herrera - 2025-12-09', 'Martín Gómez - 2025-12-09', 'Carla Ruiz - 2025-12-09'],
    );
    assert.deepEqual(model.owners, []);
  });
});

describe('HTML report', () => {
  test('one well-formed, self-contained page: no external URL, inline SVG, CSP, dark and print styles', () => {
    const html = renderHtml(report(sampleText()), en);
    const elements = parseHtml(html);
    const tags = new Set(elements.map((el) => el.tagName));
    assert.ok(!tags.has('script') && !tags.has('img') && !tags.has('link') && !tags.has('iframe'));
    assert.ok(tags.has('svg'));
    for (const el of elements) {
      for (const name of ['src', 'href', 'xlink:href', 'action', 'srcset']) {
        const value = attr(el, name);
        if (value !== undefined) assert.match(value, /^#/, `${el.tagName} ${name}="${value}" is not in-page`);
      }
    }
    const csp = elements.find((el) => el.tagName === 'meta' && attr(el, 'http-equiv') === 'Content-Security-Policy');
    assert.match(attr(csp as Element, 'content') ?? '', /default-src 'none'/);
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.match(html, /@media print/);
    // Every reason links to its item's row.
    const ids = new Set(elements.map((el) => attr(el, 'id')).filter((id) => id !== undefined));
    for (const el of elements.filter((e) => e.tagName === 'a'))
      assert.ok(ids.has((attr(el, 'href') ?? '').slice(1)) || attr(el, 'href') === '#top');
  });

  test('the latency chart draws each timed test against its limit', () => {
    const elements = parseHtml(renderHtml(report(readFixture('gate', 'ENTREGABLES.smoke-fallido.md')), en));
    const chart = elements.find((el) => el.tagName === 'svg' && attr(el, 'class') === 'chart');
    assert.ok(chart);
    const inChart = (el: Element): boolean =>
      el === chart || (el.parentNode !== null && 'tagName' in el.parentNode && inChart(el.parentNode as Element));
    const bars = elements.filter(
      (el) => el.tagName === 'rect' && inChart(el) && /fast|slow/.test(attr(el, 'class') ?? ''),
    );
    assert.equal(bars.length, 6, 'tests 1-6 have a time');
    assert.equal(
      elements.filter((el) => el.tagName === 'line' && attr(el, 'class') === 'limit').length,
      1,
      'only /api/chat has a limit',
    );
  });

  test('hostile text is escaped and secrets are masked', () => {
    const hostile = sampleText()
      .replace(
        '### 1. PR Final Aprobado y Mergeable',
        '### 1. PR <script>alert(1)</script> & <img src=https://evil.example/x onerror=alert(2)>',
      )
      .replace('**Responsable**: QA', `**Responsable**: QA" onmouseover="alert(3) ${OPENAI_KEY_VALUE}`)
      .replace(
        'PR Link: [PEGAR ENLACE AL PR]',
        `PR Link: [PEGAR <b>ENLACE</b> AL PR]\nOPENAI_API_KEY=${OPENAI_KEY_VALUE}`,
      );
    const model = report(hostile);
    const html = renderHtml(model, en);
    const elements = parseHtml(html);
    assert.ok(!elements.some((el) => ['script', 'img', 'b'].includes(el.tagName)));
    assert.ok(!elements.some((el) => el.attrs.some((a) => a.name.startsWith('on'))));
    assert.ok(!html.includes(OPENAI_KEY_VALUE.slice(8)), 'the key leaks into the HTML');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    const md = renderMarkdown(model, en);
    assert.ok(!md.includes(OPENAI_KEY_VALUE.slice(8)), 'the key leaks into the markdown');
    assert.ok(!JSON.stringify(model).includes(OPENAI_KEY_VALUE.slice(8)), 'the key leaks into the JSON');
    assert.deepEqual(htmlTags(parseMarkdown(md)), ['br', 'details', 'sub', 'summary']);
  });

  test('in a webview: a nonce for the one style and the one script, and rows that know their line', () => {
    const html = renderHtml(report(sampleText()), en, { nonce: 'abc123', interactive: true });
    const elements = parseHtml(html);
    const scripts = elements.filter((el) => el.tagName === 'script');
    assert.equal(scripts.length, 1);
    assert.equal(attr(scripts[0], 'nonce'), 'abc123');
    const csp =
      attr(elements.find((el) => attr(el, 'http-equiv') === 'Content-Security-Policy') as Element, 'content') ?? '';
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.doesNotMatch(csp, /unsafe/);
    const row = elements.find((el) => attr(el, 'id') === 'item-1');
    assert.equal(attr(row as Element, 'data-line'), '19');
  });
});

describe('markdown report', () => {
  test('the sample: GFM tables and collapsible sections, under 64 KB', () => {
    const md = renderMarkdown(report(sampleText()), en);
    assert.ok(Buffer.byteLength(md) < 64 * 1024, `${Buffer.byteLength(md)} bytes`);
    const tree = parseMarkdown(md);
    const tables: number[] = [];
    visit(tree, 'table', (node) => void tables.push(node.children.length));
    // Reasons (6 + header), conditions, items (21 + header), owners, smoke tests (7 + header), references, sign-offs.
    assert.ok(tables.includes(7) && tables.includes(22) && tables.includes(8), `table sizes ${tables.join(',')}`);
    assert.deepEqual(htmlTags(tree), ['br', 'details', 'sub', 'summary']);
    const heading = tree.children[0];
    assert.equal(heading?.type, 'heading');
    assert.match(md, /^## ⛔ NO-GO · 📦 ENTREGABLES PARA SUPERVISOR DE PRODUCCIÓN\n/);
  });

  test('document text cannot inject markup, links or mentions', () => {
    const md = renderMarkdown(
      report(
        sampleText().replace(
          '**Responsable**: QA',
          '**Responsable**: @qa-team **bold** [x](https://evil.example) | pipe <details> `code` $x$',
        ),
      ),
      en,
    );
    const tree = parseMarkdown(md);
    // GFM turns a bare URL of the document into a link showing that URL; never a disguised one.
    const links: string[] = [];
    let strong = 0;
    visit(tree, 'link', (node) => {
      assert.deepEqual(
        node.children.map((c) => (c.type === 'text' ? c.value : c.type)),
        [node.url],
      );
      links.push(node.url);
    });
    visit(tree, 'strong', (node) => {
      if (toString(node) === 'bold') strong++;
    });
    assert.deepEqual(links, ['https://evil.example']);
    assert.equal(strong, 0);
    assert.ok(!md.includes('@qa-team'));
    assert.deepEqual(htmlTags(tree), ['br', 'details', 'sub', 'summary']);
  });

  test('JSON is the model', () => {
    const model = report(completed());
    assert.deepEqual(JSON.parse(renderReport(model, 'json', en)), JSON.parse(JSON.stringify(model)));
  });

  test('in Spanish', () => {
    const md = renderMarkdown(report(sampleText(), '2025-12-10', translator('es')), translator('es'));
    assert.match(md, /NO\\-GO\\: 6 de 6 bloquers pendientes/);
    assert.match(md, /<summary>Ítems \(21\)<\/summary>/);
  });
});
