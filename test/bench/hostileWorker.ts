// One measurement in a fresh process, so peak memory is this input's alone:
// `node --import tsx hostileWorker.ts <input name | "bare parse">` prints {ms, maxRssKb}.
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { parseMarkdown } from '../../server/src/core/markdown/parse';
import { hostileInputs } from '../support/hostile';
import { sampleText } from '../support/paths';

const name = process.argv[2] ?? '';
const sample = sampleText();
// Warm both code paths on the sample, so neither figure carries first-call compilation.
for (let i = 0; i < 3; i++) {
  parseMarkdown(sample);
  new ChecklistAnalyzer().analyze(sample);
}
const input = name === 'bare parse' ? undefined : hostileInputs().find((i) => i.name === name);
const rssBefore = process.resourceUsage().maxRSS;
const start = performance.now();
if (input) new ChecklistAnalyzer().analyze(input.text, { today: '2025-12-08' });
else parseMarkdown(sample);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, rssBeforeKb: rssBefore }));
