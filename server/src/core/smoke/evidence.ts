// The text edits that paste a run's evidence into the document. Each result
// finds its test again by identity in the text as it is now, so evidence lands
// on that test's fields even if lines moved while the requests were in flight,
// replaces what an earlier run wrote, and is dropped (with a message) when the
// test itself changed or went away.
import { LineIndex } from '../markdown/lines';
import { translator, type Language } from '../messages';
import type { Range } from '../types';
import { subjectKey } from './captures';
import type { SmokeSuite, SmokeTest, StatusSlot, ValueSlot } from './recognize';
import type { SmokeResult, TestEvidence } from './runner';

/** An LSP TextEdit: 0-based lines, UTF-16 characters. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface DroppedEvidence {
  readonly testKey: string;
  readonly number: string;
  readonly message: string;
}

export interface EvidencePlan {
  /** Non-overlapping edits against the suite's text. */
  readonly edits: readonly TextEdit[];
  readonly dropped: readonly DroppedEvidence[];
}

/** Edits for every result that carries evidence, located in `suite` (recognised from the current text). */
export function evidenceEdits(
  suite: SmokeSuite,
  results: readonly SmokeResult[],
  messageLanguage: Language = suite.language,
): EvidencePlan {
  const byKey = new Map(suite.tests.map((t) => [t.key, t]));
  const edits: TextEdit[] = [];
  const dropped: DroppedEvidence[] = [];
  for (const result of results) {
    if (!result.evidence) continue;
    const test = byKey.get(result.testKey);
    if (!test) {
      const message = translator(messageLanguage)('smoke.evidence.dropped', result.number);
      dropped.push({ testKey: result.testKey, number: result.number, message });
      continue;
    }
    edits.push(...testEdits(test, result.evidence, suite));
  }
  return { edits, dropped };
}

function testEdits(test: SmokeTest, evidence: TestEvidence, suite: SmokeSuite): TextEdit[] {
  const edits: TextEdit[] = [];
  const { output, status, time, captures, secretNotes } = test.slots;
  if (output) edits.push({ range: output.range, newText: evidence.outputLines.join(suite.eol) });
  if (status) edits.push(valueEdit(status, statusText(status, evidence)));
  if (time) {
    if (evidence.elapsedMs !== undefined) {
      const amount = formatAmount(evidence.elapsedMs, time.unit);
      edits.push({ range: time.numberRange, newText: time.addUnit ? `${amount}${time.unit}` : amount });
    } else if (time.filled) {
      // Nothing was sent: an earlier run's time would be stale evidence.
      edits.push({ range: time.numberRange, newText: '[X]' });
    }
  }
  for (const slot of captures) {
    const value = evidence.captures[subjectKey(slot.subject)];
    if (value !== undefined) edits.push(valueEdit(slot, value.replace(/\s+/g, ' ')));
  }
  for (const slot of secretNotes) {
    const used = evidence.secretsUsed.includes(slot.secret);
    if (!used && evidence.sent) continue;
    edits.push(valueEdit(slot, secretNote(slot.secret, used, suite.language)));
  }
  return edits;
}

function valueEdit(slot: ValueSlot, text: string): TextEdit {
  // `Estado:` with nothing after it gets a space before the value.
  return { range: slot.valueRange, newText: slot.value === '' ? ` ${text}` : text };
}

function statusText(slot: StatusSlot, evidence: TestEvidence): string {
  // Keep the document's style: a template or earlier value without emojis gets none.
  const plain =
    slot.options.length > 0
      ? !slot.options.some((o) => /[✅❌]/u.test(o))
      : /^(?:PASSED|FAILED)\b/i.test(slot.value.trim());
  const pass = slot.options.find((o) => /PASS|ÉXITO|EXITO|\bOK\b|✅/iu.test(o)) ?? (plain ? 'PASSED' : '✅ PASSED');
  const fail = slot.options.find((o) => /FAIL|FALL|❌/iu.test(o)) ?? (plain ? 'FAILED' : '❌ FAILED');
  if (evidence.passed) return pass;
  return evidence.failure ? `${fail} (${evidence.failure.replace(/\s+/g, ' ')})` : fail;
}

function secretNote(name: string, used: boolean, language: Language): string {
  const t = translator(language);
  return used ? t('smoke.evidence.secretUsed', name) : t('smoke.evidence.secretNotUsed');
}

/** Milliseconds as the field's unit asks: `12`, `3.4` (ms) or `0.012`, `1.25` (s). */
export function formatAmount(ms: number, unit: 'ms' | 's'): string {
  if (unit === 'ms') return ms < 10 ? String(Math.round(ms * 10) / 10) : String(Math.round(ms));
  const s = ms / 1000;
  return s < 1 ? s.toFixed(3) : s.toFixed(2);
}

/** Applies non-overlapping edits to a text (what the CLI does with `--write`). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offset = (p: Range['start']) => lines.offsetAt(p);
  const sorted = edits
    .map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.to > limit) throw new Error('applyTextEdits: overlapping edits');
    out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
    limit = edit.from;
  }
  return out;
}
