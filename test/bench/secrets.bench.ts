// Issue 5's evidence: the secret detector's speed against a bare remark parse of the
// same 1 MB document, measured side by side, and its precision, recall and F1 per kind
// on the labelled corpus (test/fixtures/secrets).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SECRET_RULES, scanSecrets } from '../../server/src/core/secrets';
import {
  type Corpus,
  type LabelledSecret,
  type Score,
  loadCorpus,
  onlySet,
  scoreCorpus,
} from '../fixtures/secrets/corpus';
import { adversarialSecretInputs } from '../support/secretSamples';
import { type BenchLine, medianMs, ratioLine } from './harness';

export const title = 'Secret detector (issue 5)';

const ADVERSARIAL_GOAL = 0.5;

const COPIES = 60;
const SPEED_GOAL = 0.05;
// Issue 11: on the corpus extended with its categories (npm _authToken, redis CONFIG GET, prose
// assignments; PEM armour, templated connection strings, hex digests) and heldout2.txt.
const PRECISION_GOAL = 0.99;
const RECALL_GOAL = 0.98;

const sample = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', 'ENTREGABLES.md'), 'utf8');

/** The sample checklist 60 times (~1 MB) with two corpus positives pasted after each copy. */
function sprinkledDocument(corpus: Corpus): { text: string; planted: LabelledSecret[] } {
  let text = '';
  const planted: LabelledSecret[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    text += sample;
    for (const c of [
      corpus.positives[(copy * 2) % corpus.positives.length],
      corpus.positives[(copy * 2 + 1) % corpus.positives.length],
    ]) {
      if (c === undefined) continue;
      text += '\n\n```\n';
      for (const s of c.secrets) planted.push({ kind: s.kind, start: text.length + s.start, end: text.length + s.end });
      text += `${c.text}\n\`\`\`\n\n`;
    }
  }
  return { text, planted };
}

export async function run(): Promise<BenchLine[]> {
  const corpus = loadCorpus();
  const { text, planted } = sprinkledDocument(corpus);
  const parser = unified().use(remarkParse).use(remarkGfm);
  const scanMs = await medianMs(() => scanSecrets(text), 15, 3);
  const parseMs = await medianMs(() => parser.parse(text), 3, 1);
  const findings = scanSecrets(text);
  const found = planted.filter((s) => findings.some((f) => f.start < s.end && s.start < f.end)).length;
  const extra = findings.filter((f) => !planted.some((s) => f.start < s.end && s.start < f.end)).length;

  const score = scoreCorpus(corpus, (t) => scanSecrets(t));
  const heldOut = scoreCorpus(onlySet(corpus, 'held-out'), (t) => scanSecrets(t));
  const heldOut2 = scoreCorpus(onlySet(corpus, 'held-out-2'), (t) => scanSecrets(t));
  return [
    ratioLine(
      `scan ${(text.length / 1e6).toFixed(2)} MB (sample ×${COPIES} + secrets)`,
      scanMs,
      parseMs,
      'bare remark parse',
      SPEED_GOAL,
    ),
    { label: 'secrets planted in that document', figure: `${found}/${planted.length} found, ${extra} other findings` },
    {
      label: 'corpus size',
      figure: `${score.labelled} labelled secrets of ${new Set(corpus.positives.flatMap((c) => c.secrets.map((s) => s.kind))).size} kinds in ${score.positives} cases, ${score.negatives} hard-negative cases`,
    },
    goalLine('corpus precision', score.precision, PRECISION_GOAL, `${score.correct}/${score.detections}`),
    goalLine('corpus recall', score.recall, RECALL_GOAL, `${score.found}/${score.labelled}`),
    { label: 'corpus F1', figure: score.f1.toFixed(3) },
    {
      label: 'exact value spans',
      figure: `${score.exact}/${score.correct}; reported under another kind: ${score.otherKind}`,
    },
    {
      label: 'held-out subset',
      figure: `P ${heldOut.precision.toFixed(3)} R ${heldOut.recall.toFixed(3)} F1 ${heldOut.f1.toFixed(3)} (${heldOut.labelled} secrets, ${heldOut.negatives} negatives)`,
    },
    {
      label: 'held-out subset 2 (issue 11; first contact P 0.800 R 0.410)',
      figure: `P ${heldOut2.precision.toFixed(3)} R ${heldOut2.recall.toFixed(3)} F1 ${heldOut2.f1.toFixed(3)} (${heldOut2.labelled} secrets, ${heldOut2.negatives} negatives)`,
    },
    ...perKind(score),
    ...(await adversarialLines(parseMs)),
  ];
}

/** Inputs meant to make a pattern backtrack: each must stay far from a full parse of the 1 MB document. */
async function adversarialLines(parseMs: number): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const [name, input] of Object.entries(adversarialSecretInputs())) {
    const ms = await medianMs(() => scanSecrets(input), 3, 1);
    lines.push(
      ratioLine(
        `adversarial: ${name} (${Math.round(input.length / 1000)} kB)`,
        ms,
        parseMs,
        'bare parse of the 1 MB document',
        ADVERSARIAL_GOAL,
      ),
    );
  }
  return lines;
}

function goalLine(label: string, value: number, goal: number, counts: string): BenchLine {
  return { label, figure: `${value.toFixed(3)} (${counts})`, goal: `≥ ${goal}`, met: value >= goal };
}

function perKind(score: Score): BenchLine[] {
  return SECRET_RULES.map((rule) => {
    const k = score.byKind.get(rule.id);
    const labelled = k?.labelled ?? 0;
    const detections = k?.detections ?? 0;
    const precision = detections === 0 ? 1 : (k?.correct ?? 0) / detections;
    const recall = labelled === 0 ? 1 : (k?.found ?? 0) / labelled;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return {
      label: `  ${rule.id}`,
      figure: `P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (${labelled} labelled, ${detections} reported)`,
    };
  });
}
