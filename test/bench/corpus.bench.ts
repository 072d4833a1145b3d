// Issue 12's accuracy figures on the checklist corpus, printed beside the timings.
import { corpusMetrics } from '../support/corpus';
import type { BenchLine } from './harness';

export const title = 'Checklists of every shape (issue 12)';

export function run(): Promise<BenchLine[]> {
  const m = corpusMetrics();
  const atLeast = (label: string, value: number, goal = 0.95): BenchLine => ({
    label,
    figure: value.toFixed(3),
    goal: `≥ ${goal}`,
    met: value >= goal,
  });
  return Promise.resolve([
    atLeast(`recognition of ${m.results.length} corpus documents`, m.recognition),
    atLeast('check recall', m.checkRecall),
    atLeast('done accuracy', m.doneAccuracy),
    atLeast('blocker accuracy', m.blockerAccuracy),
    { label: 'item accuracy', figure: m.itemAccuracy.toFixed(3) },
    atLeast('blank recall', m.blankRecall),
    { label: 'blank precision', figure: m.blankPrecision.toFixed(3) },
    {
      label: 'false alarms per filled document',
      figure: m.falseAlarmsPerFilled.toFixed(2),
      goal: '≤ 1',
      met: m.falseAlarmsPerFilled <= 1,
    },
    {
      label: `false recognition of ${m.ordinary} ordinary markdown files`,
      figure: `${(m.falseRecognition * 100).toFixed(2)} %`,
      goal: '≤ 1 %',
      met: m.falseRecognition <= 0.01,
    },
  ]);
}
