// The report as one self-contained HTML file: no external script, font, style
// sheet or image (inline CSS and SVG charts), a content security policy that
// forbids loading anything, light and dark colours (`prefers-color-scheme`, and
// VS Code's theme classes in a webview), and print CSS for "Save as PDF".
// Every text from the document is HTML-escaped; the model has masked its secrets.
//
// In a webview (`interactive`), rows carry their line and one nonce'd script posts
// `{ type: 'reveal', line }` when one is clicked; nothing else runs.
import type { Translate } from '../messages';
import type { VerdictEntry } from '../verdict';
import type { ReportItem, ReportModel } from './model';
import { formatMs, type SmokeEvidence } from './smokeEvidence';

export interface HtmlOptions {
  /** For a webview: the nonce its content security policy allows for the one style and the one script. */
  readonly nonce?: string | undefined;
  /** The webview's CSP source, for the policy; absent in a standalone file. */
  readonly cspSource?: string | undefined;
  /** Rows reveal their line when clicked (a webview). */
  readonly interactive?: boolean | undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const e = escapeHtml;

export function renderHtml(model: ReportModel, t: Translate, options: HtmlOptions = {}): string {
  const nonce = options.nonce;
  const csp = nonce
    ? `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:`
    : "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  const lineAttr = (line: number) => (options.interactive ? ` data-line="${line}" tabindex="0"` : '');
  const go = model.verdict.decision === 'go';
  const body = [
    header(model, t),
    verdictSection(model, t, lineAttr),
    progressSection(model, t),
    itemsSection(model, t, lineAttr),
    ownersSection(model, t, lineAttr),
    smokeSection(model, t, lineAttr),
    referencesSection(model, t, lineAttr),
    signOffSection(model, t, lineAttr),
    `<footer>${e(t('report.footer'))}</footer>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${e(t('report.lang'))}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${e(`${go ? 'GO' : 'NO-GO'} · ${model.title}`)}</title>
<style${nonce ? ` nonce="${nonce}"` : ''}>${STYLE}</style>
</head>
<body class="${go ? 'go' : 'no-go'}">
<main>
${body}
</main>
${options.interactive && nonce ? `<script nonce="${nonce}">${SCRIPT}</script>` : ''}
</body>
</html>
`;
}

type LineAttr = (line: number) => string;

function header(model: ReportModel, t: Translate): string {
  const facts: [string, string | undefined][] = [
    [t('report.created'), model.header.created],
    [t('report.lastUpdated'), model.header.lastUpdated],
    [t('report.overallStatus'), model.header.overallStatus],
  ];
  return `<header>
<p class="kicker">${e(t('report.heading'))}</p>
<h1>${e(model.title)}</h1>
<p class="meta">${e(t('report.generated', model.generated, model.path))}</p>
<dl class="facts">${facts
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${e(v)}</dd></div>`)
    .join('')}</dl>
</header>`;
}

function verdictSection(model: ReportModel, t: Translate, lineAttr: LineAttr): string {
  const v = model.verdict;
  const go = v.decision === 'go';
  const entries = (list: readonly VerdictEntry[]) =>
    `<ul class="entries">${list
      .map(
        (r) =>
          `<li${lineAttr(r.line)}><a href="#${r.itemId === undefined ? 'top' : `item-${e(r.itemId)}`}">${e(r.title)}</a> <span class="line">${e(t('report.line', r.line + 1))}</span>: ${r.problems
            .map((p) => `<span class="problem problem-${e(p.kind)}"${lineAttr(p.line)}>${e(p.message)}</span>`)
            .join('<span class="sep">; </span>')}</li>`,
      )
      .join('')}</ul>`;
  return `<section class="verdict ${go ? 'go' : 'no-go'}" aria-labelledby="verdict-title">
<h2 id="verdict-title"><span class="badge">${go ? 'GO' : 'NO-GO'}</span> ${e(v.summary)}</h2>
${go ? `<p>${e(t(v.blockers.declared ? 'report.noReasons' : 'report.noReasonsItems'))}</p>` : `<h3>${e(t('report.reasons'))} (${v.reasons.length})</h3>\n${entries(v.reasons)}`}
${v.conditions.length > 0 ? `<details open><summary>${e(t('report.conditions'))} (${v.conditions.length})</summary>${entries(v.conditions)}</details>` : ''}
</section>`;
}

function bar(done: number, total: number, label: string, cls = ''): string {
  const width = 320;
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `<svg class="bar ${cls}" viewBox="0 0 ${width} 14" width="${width}" height="14" role="img" aria-label="${e(label)}"><rect class="track" x="0" y="0" width="${width}" height="14" rx="7"/><rect class="fill" x="0" y="0" width="${filled}" height="14" rx="7"/></svg>`;
}

function progressSection(model: ReportModel, t: Translate): string {
  const b = model.verdict.blockers;
  const i = model.progress.items;
  const ready = t(b.declared ? 'report.blockersReady' : 'report.itemsReady', b.ready, b.total);
  const rows = [
    [ready, bar(b.ready, b.total, ready, 'blockers')],
    [t('report.itemsDone', i.done, i.total), bar(i.done, i.total, t('report.itemsDone', i.done, i.total))],
    ...model.groups.map((g) => [
      `${g.title} · ${g.done}/${g.total}`,
      bar(g.done, g.total, `${g.title}: ${g.done}/${g.total}`, g.blocker ? 'blockers' : ''),
    ]),
  ];
  return `<section aria-labelledby="progress-title"><h2 id="progress-title">${e(t('report.progress'))}</h2>
<table class="progress"><tbody>${rows.map(([label, svg]) => `<tr><th scope="row">${e(label ?? '')}</th><td>${svg ?? ''}</td></tr>`).join('')}</tbody></table></section>`;
}

function stateBadge(item: ReportItem): string {
  return `<span class="state ${e(item.state)}">${e(item.stateText)}</span>`;
}

function itemsSection(model: ReportModel, t: Translate, lineAttr: LineAttr): string {
  const rows = model.items.map((item) => {
    const blanks =
      item.openBlanks.length === 0
        ? '0'
        : `<details><summary>${item.openBlanks.length}</summary><ul>${item.openBlanks.map((b) => `<li${lineAttr(b.line)}>${e(b.label ? `${b.label} ` : '')}<code>[${e(b.text)}]</code></li>`).join('')}</ul></details>`;
    return `<tr id="item-${e(item.id)}" class="${item.blocker ? 'blocker' : ''}${item.overdue ? ' overdue' : ''}"${lineAttr(item.line)}><td>${e(item.id)}</td><td>${e(item.title)}${item.blocker ? ` <span class="tag">${e(t('report.blocker'))}</span>` : ''}</td><td>${e(item.owner ?? '—')}</td><td class="due">${e(item.due ?? item.deadline ?? '—')}${item.overdue ? ` <span class="tag late">${e(t('report.overdue'))}</span>` : ''}</td><td>${stateBadge(item)}</td><td class="num">${blanks}</td></tr>`;
  });
  return `<section aria-labelledby="items-title"><h2 id="items-title">${e(t('report.items'))} (${model.items.length})</h2>
<table><thead><tr><th>#</th><th>${e(t('report.col.item'))}</th><th>${e(t('report.col.owner'))}</th><th>${e(t('report.col.due'))}</th><th>${e(t('report.col.state'))}</th><th>${e(t('report.col.blanks'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function ownersSection(model: ReportModel, t: Translate, lineAttr: LineAttr): string {
  const body =
    model.owners.length === 0
      ? `<p>${e(t('report.none'))}</p>`
      : `<table><thead><tr><th>${e(t('report.col.owner'))}</th><th>${e(t('report.col.outstanding'))}</th></tr></thead><tbody>${model.owners
          .map(
            (o) =>
              `<tr><th scope="row">${e(o.owner)}<br><small>${e(t('report.ownerSummary', o.items.length, o.blockers, o.overdue))}</small></th><td><ul class="compact">${o.items
                .map(
                  (i) =>
                    `<li${lineAttr(i.line)}${i.overdue ? ' class="overdue"' : ''}>${e(`${i.id}. ${i.title}`)}${i.blocker ? ` <span class="tag">${e(t('report.blocker'))}</span>` : ''} · ${e(i.stateText)}${i.due ? ` · ${e(i.due)}` : ''}${i.overdue ? ` <span class="tag late">${e(t('report.overdue'))}</span>` : ''}</li>`,
                )
                .join('')}</ul></td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section aria-labelledby="owners-title"><h2 id="owners-title">${e(t('report.owners'))}</h2>${body}</section>`;
}

function latencyChart(tests: readonly SmokeEvidence[], t: Translate): string {
  const timed = tests.filter((s) => s.timeMs !== undefined || s.limitMs !== undefined);
  if (timed.length === 0) return '';
  const rowHeight = 26;
  const labelWidth = 190;
  const plot = 300;
  const width = labelWidth + plot + 110;
  const max = Math.max(...timed.map((s) => Math.max(s.timeMs ?? 0, s.limitMs ?? 0))) * 1.1 || 1;
  const x = (ms: number) => labelWidth + Math.round((ms / max) * plot);
  const rows = timed.map((s, i) => {
    const y = i * rowHeight + 4;
    const over = s.timeMs !== undefined && s.limitMs !== undefined && s.timeMs >= s.limitMs;
    const label = `${s.number}. ${s.method} ${s.path}`;
    const value =
      s.timeMs === undefined
        ? t('report.notRecorded')
        : `${formatMs(s.timeMs)}${s.criterion ? ` (${s.criterion})` : ''}`;
    return [
      `<text class="label" x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${e(label.length > 30 ? `${label.slice(0, 29)}…` : label)}</text>`,
      `<rect class="track" x="${labelWidth}" y="${y}" width="${plot}" height="16" rx="3"/>`,
      s.timeMs === undefined
        ? ''
        : `<rect class="${over ? 'slow' : 'fast'}" x="${labelWidth}" y="${y}" width="${Math.max(2, x(s.timeMs) - labelWidth)}" height="16" rx="3"/>`,
      s.limitMs === undefined
        ? ''
        : `<line class="limit" x1="${x(s.limitMs)}" x2="${x(s.limitMs)}" y1="${y - 3}" y2="${y + 19}"/>`,
      `<text class="value" x="${labelWidth + plot + 6}" y="${y + 13}">${e(value)}</text>`,
    ].join('');
  });
  const height = timed.length * rowHeight + 8;
  return `<figure><svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${e(t('report.latencyChart'))}"><title>${e(t('report.latencyChart'))}</title>${rows.join('')}</svg><figcaption>${e(t('report.latencyChart'))}</figcaption></figure>`;
}

function smokeSection(model: ReportModel, t: Translate, lineAttr: LineAttr): string {
  if (model.smokeTests.length === 0) return '';
  const rows = model.smokeTests.map(
    (s) =>
      `<tr class="${e(s.outcome)}"${lineAttr(s.failureLine)}><td>${e(s.number)}</td><td><code>${e(`${s.method} ${s.path}`)}</code><br><small>${e(itemName(model, s.itemId))}</small></td><td><span class="result ${e(s.outcome)}">${e(t(`report.smoke.${s.outcome}`))}</span>${s.status ? `<br><small>${e(s.status)}</small>` : ''}${s.failures.length > 0 ? `<br><small class="why">${e(s.failures.join('; '))}</small>` : ''}</td><td class="num">${s.timeMs === undefined ? '—' : e(formatMs(s.timeMs))}</td><td class="num">${e(s.criterion ?? '—')}</td><td>${e(s.ranAt ?? t('report.notRecorded'))}</td></tr>`,
  );
  return `<section aria-labelledby="smoke-title"><h2 id="smoke-title">${e(t('report.smoke'))} (${model.smokeTests.length})</h2>
${latencyChart(model.smokeTests, t)}
<table><thead><tr><th>#</th><th>${e(t('report.col.test'))}</th><th>${e(t('report.col.result'))}</th><th>${e(t('report.col.time'))}</th><th>${e(t('report.col.limit'))}</th><th>${e(t('report.col.ran'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function itemName(model: ReportModel, id: string): string {
  const item = model.items.find((i) => i.id === id);
  return item ? `${item.id}. ${item.title}` : id;
}

function referencesSection(model: ReportModel, t: Translate, lineAttr: LineAttr): string {
  if (model.references.length === 0) return '';
  const rows = model.references.map(
    (r) =>
      `<tr class="${r.status}"${lineAttr(r.line)}><td><code>${e(r.path)}</code></td><td>${e(r.itemId)}</td><td><span class="ref ${r.status}">${e(t(`report.ref.${r.status}`))}</span></td></tr>`,
  );
  return `<section aria-labelledby="refs-title"><details open><summary><h2 id="refs-title">${e(t('report.references'))} (${model.references.length})</h2></summary>
<table><thead><tr><th>${e(t('report.col.path'))}</th><th>${e(t('report.col.item'))}</th><th>${e(t('report.col.status'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></details></section>`;
}

function signOffSection(model: ReportModel, t: Translate, lineAttr: LineAttr): string {
  if (model.signOffs.length === 0) return '';
  const rows = model.signOffs.map(
    (s) =>
      `<tr class="${s.signed ? 'signed' : 'unsigned'}"${lineAttr(s.line)}><td>${e(s.role)}</td><td>${s.signed ? e(s.signature ?? '') : `<span class="tag late">${e(t('report.unsigned'))}</span>`}</td><td>${s.approvals.map((a) => `${e(a.label)}: ${a.value === undefined ? '—' : e(a.value)}`).join('<br>')}</td></tr>`,
  );
  return `<section aria-labelledby="signoffs-title"><h2 id="signoffs-title">${e(t('report.signOffs'))}</h2>
<table><thead><tr><th>${e(t('report.col.signOff'))}</th><th>${e(t('report.col.signature'))}</th><th>${e(t('report.col.approvals'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

const SCRIPT = `(function(){var vscode=acquireVsCodeApi();document.addEventListener('click',function(ev){var el=ev.target;if(el&&el.closest&&el.closest('a[href^="#"],summary'))return;var row=el&&el.closest?el.closest('[data-line]'):null;if(row){vscode.postMessage({type:'reveal',line:Number(row.getAttribute('data-line'))});}});document.addEventListener('keydown',function(ev){if(ev.key!=='Enter')return;var row=ev.target&&ev.target.closest?ev.target.closest('[data-line]'):null;if(row){vscode.postMessage({type:'reveal',line:Number(row.getAttribute('data-line'))});}});})();`;

const STYLE = `
:root{--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--panel:#f6f8fa;--go:#1a7f37;--go-bg:#dafbe1;--nogo:#cf222e;--nogo-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--track:#e6eaef;--fill:#0969da;--accent:#0969da}
@media (prefers-color-scheme: dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--panel:#151b23;--go:#3fb950;--go-bg:#12261e;--nogo:#f85149;--nogo-bg:#2d1417;--warn:#d29922;--warn-bg:#272115;--track:#262c36;--fill:#4493f8;--accent:#4493f8}}
body.vscode-light{--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--panel:#f6f8fa;--track:#e6eaef}
body.vscode-dark,body.vscode-high-contrast{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--panel:#151b23;--go:#3fb950;--go-bg:#12261e;--nogo:#f85149;--nogo-bg:#2d1417;--warn:#d29922;--warn-bg:#272115;--track:#262c36;--fill:#4493f8;--accent:#4493f8}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:.1em 0 .2em}
h2{font-size:1.2em;margin:1.6em 0 .6em;padding-bottom:.3em;border-bottom:1px solid var(--border)}
h3{font-size:1em;margin:1em 0 .4em}
.kicker,.meta,small,.line,footer,figcaption{color:var(--muted)}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.75em;margin:0}
.meta{margin:0 0 .8em}
.facts{display:flex;flex-wrap:wrap;gap:8px 24px;margin:0}
.facts div{display:flex;gap:6px}.facts dt{color:var(--muted)}.facts dd{margin:0;font-weight:600}
.verdict{margin-top:20px;padding:16px 20px;border-radius:8px;border:1px solid var(--border);border-left:6px solid var(--nogo);background:var(--nogo-bg)}
.verdict.go{border-left-color:var(--go);background:var(--go-bg)}
.verdict h2{border:0;margin:0 0 .4em;font-size:1.3em}
.badge{display:inline-block;padding:2px 10px;border-radius:6px;color:#fff;background:var(--nogo);font-weight:700;letter-spacing:.04em}
.go .badge{background:var(--go)}
.entries{margin:.2em 0;padding-left:1.2em}.entries>li{margin:.35em 0}.problem-secret,.problem-failing-smoke,.problem-failing-evidence{color:var(--nogo);font-weight:600}.sep{color:var(--muted)}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--border)}
thead th{background:var(--panel);font-weight:600}
td.num{text-align:right;white-space:nowrap}
tr.blocker td:first-child{border-left:3px solid var(--nogo)}
tr.overdue .due{color:var(--nogo);font-weight:600}
.tag{display:inline-block;font-size:.75em;padding:0 6px;border-radius:10px;border:1px solid var(--border);color:var(--muted)}
.tag.late{border-color:var(--nogo);color:var(--nogo)}
.state{display:inline-block;padding:0 8px;border-radius:10px;font-size:.85em;background:var(--panel);border:1px solid var(--border)}
.state.done,.result.passed,.ref.found{color:var(--go);border-color:var(--go)}
.state.blocked,.result.failed,.ref.missing{color:var(--nogo);border-color:var(--nogo)}
.state.in-progress{color:var(--warn);border-color:var(--warn)}
.result,.ref{display:inline-block;padding:0 8px;border-radius:10px;font-size:.85em;border:1px solid var(--border)}
.why{color:var(--nogo)}
ul.compact{margin:0;padding-left:1.1em}
li.overdue{color:var(--nogo)}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:0 4px;border-radius:4px;overflow-wrap:anywhere}
details summary{cursor:pointer}
details summary h2{display:inline;border:0}
svg .track{fill:var(--track)}svg .fill{fill:var(--fill)}svg.blockers .fill{fill:var(--go)}
svg .fast{fill:var(--go)}svg .slow{fill:var(--nogo)}svg .limit{stroke:var(--fg);stroke-width:2;stroke-dasharray:3 2}
svg text{fill:var(--fg);font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg text.value{fill:var(--muted)}
.progress th{width:40%;font-weight:400}
figure{margin:.6em 0;overflow-x:auto}
[data-line]{cursor:pointer}
[data-line]:hover{outline:1px dashed var(--accent);outline-offset:-1px}
footer{margin-top:2em;font-size:.85em}
@media print{
:root,body.vscode-dark,body.vscode-light{--bg:#fff;--fg:#000;--muted:#444;--border:#bbb;--panel:#f3f3f3;--go-bg:#fff;--nogo-bg:#fff;--track:#e6e6e6}
main{max-width:none;padding:0}
@page{margin:14mm}
h2{break-after:avoid}
tr,li,figure{break-inside:avoid}
a{color:inherit;text-decoration:none}
[data-line]:hover{outline:0}
}
`;
