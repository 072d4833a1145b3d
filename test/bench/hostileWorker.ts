// One measurement in a fresh process, so peak memory is this input's alone:
// `node --import tsx hostileWorker.ts <input name | "bare parse" | "bare parse:<input name>">` prints
// {ms, maxStepMs, maxRssKb, rssBeforeKb}: the analysis runs in its steps, and the longest one is what the
// server could not interrupt to answer another request.
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
const parseOnly = name.startsWith('bare parse');
const inputName = parseOnly ? name.slice('bare parse:'.length) : name;
const input = hostileInputs().find((i) => i.name === inputName);
const rssBefore = process.resourceUsage().maxRSS;
const start = performance.now();
let maxStepMs = 0;
if (parseOnly) parseMarkdown(input?.text ?? sample);
else if (input) {
  const steps = new ChecklistAnalyzer().analyzeInSteps(input.text, { today: '2025-12-08' });
  for (let stepStart = performance.now(), step = steps.next(); ; step = steps.next()) {
    const now = performance.now();
    maxStepMs = Math.max(maxStepMs, now - stepStart);
    stepStart = now;
    if (step.done) break;
  }
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxStepMs, maxRssKb: process.resourceUsage().maxRSS, rssBeforeKb: rssBefore }));
