// The report as GitHub-flavoured markdown, compact enough for a pull-request
// comment or a CI job summary ($GITHUB_STEP_SUMMARY, a GitLab artifact): the
// verdict and its reasons in view, the rest in collapsible <details> sections.
// Document text is escaped so that it renders as the text it is: no markup, no
// HTML, no @mention pings; the model has masked its secrets.
import type { Translate } from '../messages';
import type { VerdictEntry } from '../verdict';
import type { ReportModel } from './model';
import { formatMs } from './smokeEvidence';

/** Text as a literal in markdown: one line, every ASCII punctuation mark backslash-escaped, `<`, `>`, `&` and `@` as entities. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~$:]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

const m = escapeMarkdown;

function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (align[i] === 'r' ? '--:' : '---'))), ...rows.map(line)].join('\n');
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

export function renderMarkdown(model: ReportModel, t: Translate): string {
  const v = model.verdict;
  const go = v.decision === 'go';
  const out: string[] = [];
  out.push(`## ${go ? '✅ GO' : '⛔ NO-GO'} · ${m(model.title)}`);
  const facts = [
    `**${m(v.summary)}**`,
    m(t('report.itemsDone', model.progress.items.done, model.progress.items.total)),
    `\`${model.path.replace(/`/g, "'")}\``,
    m(t('report.generatedOn', model.generated)),
  ];
  out.push(facts.join(' · '));
  const header = [
    model.header.lastUpdated === undefined
      ? undefined
      : `${m(t('report.lastUpdated'))}: ${m(model.header.lastUpdated)}`,
    model.header.overallStatus === undefined
      ? undefined
      : `${m(t('report.overallStatus'))}: ${m(model.header.overallStatus)}`,
  ].filter((x): x is string => x !== undefined);
  if (header.length > 0) out.push(header.join(' · '));

  const entries = (list: readonly VerdictEntry[]) =>
    table(
      [m(t('report.col.item')), m(t('report.col.why')), m(t('report.col.line'))],
      list.map((r) => [`**${m(r.title)}**`, r.problems.map((p) => m(p.message)).join('<br>'), String(r.line + 1)]),
      ['l', 'l', 'r'],
    );
  if (go) out.push(m(t(v.blockers.declared ? 'report.noReasons' : 'report.noReasonsItems')));
  else out.push(`### ${m(t('report.reasons'))} (${v.reasons.length})\n\n${entries(v.reasons)}`);
  if (v.conditions.length > 0)
    out.push(details(`${m(t('report.conditions'))} (${v.conditions.length})`, entries(v.conditions)));

  out.push(
    details(
      `${m(t('report.items'))} (${model.items.length})`,
      table(
        [
          '\\#',
          m(t('report.col.item')),
          m(t('report.col.owner')),
          m(t('report.col.due')),
          m(t('report.col.state')),
          m(t('report.col.blanks')),
        ],
        model.items.map((i) => [
          i.id,
          `${m(i.title)}${i.blocker ? ' 🔴' : ''}`,
          m(i.owner ?? '—'),
          `${m(i.due ?? i.deadline ?? '—')}${i.overdue ? ` ⚠️ **${m(t('report.overdue'))}**` : ''}`,
          m(i.stateText),
          blanks(
            i.openBlanks.map((b) => b.label || b.text),
            t,
          ),
        ]),
        ['r', 'l', 'l', 'l', 'l', 'l'],
      ),
    ),
  );

  if (model.owners.length > 0) {
    out.push(
      details(
        `${m(t('report.owners'))} (${model.owners.length})`,
        table(
          [m(t('report.col.owner')), m(t('report.col.outstanding'))],
          model.owners.map((o) => [
            `**${m(o.owner)}**<br>${m(t('report.ownerSummary', o.items.length, o.blockers, o.overdue))}`,
            o.items
              .map((i) => `${i.id}\\. ${m(i.title)}${i.blocker ? ' 🔴' : ''}${i.overdue ? ' ⚠️' : ''}`)
              .join('<br>'),
          ]),
        ),
      ),
    );
  }

  if (model.smokeTests.length > 0) {
    const icon = { passed: '✅', failed: '❌', 'not-run': '⏳' } as const;
    out.push(
      details(
        `${m(t('report.smoke'))} (${model.smokeTests.length})`,
        table(
          [
            '\\#',
            m(t('report.col.test')),
            m(t('report.col.result')),
            m(t('report.col.time')),
            m(t('report.col.limit')),
            m(t('report.col.ran')),
          ],
          model.smokeTests.map((s) => [
            s.number,
            `\`${`${s.method} ${s.path}`.replace(/`/g, "'").replace(/\|/g, '\\|')}\``,
            `${icon[s.outcome]} ${m(t(`report.smoke.${s.outcome}`))}${s.failures.length > 0 ? `: ${m(s.failures.join('; '))}` : ''}`,
            s.timeMs === undefined ? '—' : m(formatMs(s.timeMs)),
            m(s.criterion ?? '—'),
            m(s.ranAt ?? t('report.notRecorded')),
          ]),
          ['r', 'l', 'l', 'r', 'r', 'l'],
        ),
      ),
    );
  }

  if (model.references.length > 0) {
    const icon = { found: '✅', missing: '❌', unchecked: '❔' } as const;
    out.push(
      details(
        `${m(t('report.references'))} (${model.references.length})`,
        table(
          [m(t('report.col.path')), m(t('report.col.item')), m(t('report.col.status'))],
          model.references.map((r) => [
            `\`${r.path.replace(/`/g, "'").replace(/\|/g, '\\|')}\``,
            r.itemId,
            `${icon[r.status]} ${m(t(`report.ref.${r.status}`))}`,
          ]),
          ['l', 'r', 'l'],
        ),
      ),
    );
  }

  if (model.signOffs.length > 0) {
    out.push(
      details(
        `${m(t('report.signOffs'))} (${model.signOffs.filter((s) => s.signed).length}/${model.signOffs.length})`,
        table(
          [m(t('report.col.signOff')), m(t('report.col.signature')), m(t('report.col.approvals'))],
          model.signOffs.map((s) => [
            m(s.role),
            s.signed ? `✅ ${m(s.signature ?? '')}` : `⏳ ${m(t('report.unsigned'))}`,
            s.approvals.map((a) => `${m(a.label)}: ${a.value === undefined ? '—' : m(a.value)}`).join('<br>'),
          ]),
        ),
      ),
    );
  }
  out.push(`<sub>${m(t('report.footer'))}</sub>`);
  return `${out.join('\n\n')}\n`;
}

function blanks(labels: readonly string[], t: Translate): string {
  if (labels.length === 0) return '0';
  const shown = labels.slice(0, 3).map((l) => m(l.replace(/:\s*$/, '')));
  return `${labels.length}: ${shown.join(', ')}${labels.length > 3 ? ` ${m(t('report.moreBlanks', labels.length - 3))}` : ''}`;
}
