// Issue 14's speed goal: `readiness report` on the sample in at most twice the time of
// `readiness check` on it, both run as the CLI runs (a node process each), side by side.
// The same comparison in-process (analysis + file references, then the report model and HTML)
// is reported too, without the process start that dominates both commands.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../server/src/cli/check';
import { translator } from '../../server/src/core/messages';
import { buildReport, renderHtml, renderMarkdown } from '../../server/src/core/report';
import { cliBundle, samplePath } from '../support/paths';
import { compareMs, ratioLine, type BenchLine } from './harness';

export const title = 'Supervisor report (issue 14)';

function cli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle, ...args], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 || code === 1 ? resolve() : reject(new Error(`readiness ${args[0] ?? ''} exited ${code}`)),
    );
  });
}

export async function run(): Promise<BenchLine[]> {
  const out = join(mkdtempSync(join(tmpdir(), 'readiness-bench-')), 'report.html');
  const today = ['--today', '2025-12-10'];
  const [report, checked] = await compareMs(
    () => cli(['report', samplePath, '--format', 'html', '--out', out, ...today]),
    () => cli(['check', samplePath, '--format', 'json', ...today]),
    11,
    2,
  );
  const lines = [
    ratioLine('readiness report --format html on the sample (CLI)', report, checked, 'readiness check', 2),
  ];

  const t = translator('en');
  const checkOnly = () => check({ paths: [samplePath], cwd: process.cwd(), locale: 'en', today: '2025-12-10' });
  const withReport = async (render: typeof renderHtml | typeof renderMarkdown) => {
    const result = await checkOnly();
    const file = result.reports[0];
    if (!file?.analysis || file.text === undefined) throw new Error('the sample is not a checklist');
    render(buildReport(file.analysis, { text: file.text, t, path: 'ENTREGABLES.md', today: '2025-12-10' }), t);
  };
  const [html, analysed] = await compareMs(() => withReport(renderHtml), checkOnly, 21, 3);
  lines.push(ratioLine('check + report model + HTML, in-process', html, analysed, 'check in-process'));
  const [md, analysedAgain] = await compareMs(() => withReport(renderMarkdown), checkOnly, 21, 3);
  lines.push(ratioLine('check + report model + markdown, in-process', md, analysedAgain, 'check in-process'));
  return lines;
}
