// Real answers for the sidebar's unit tests: the core analyses a text and finds its smoke tests, as
// the server would, and the server builds the view model `readiness/checklist` answers with.
// Translators stand in for vscode.l10n.t, in English (the message itself) and Spanish (l10n/bundle.l10n.es.json).
import type { Translate } from '../../client/src/sidebar/model/nodes';
import type { ChecklistResult, LastSmokeResultView } from '../../server/src/protocol';
import { setStateEdits, type SettableState } from '../../server/src/core/features/fixes';
import { findSmokeTests } from '../../server/src/core/smoke';
import { createReadinessService } from '../../server/src/core/service';
import {
  checklistResult as serverChecklistResult,
  notAChecklist as serverNotAChecklist,
} from '../../server/src/lsp/checklistResult';
import { memoryProbe } from './memoryFiles';
import { applyEdits } from './edits';
import { fixtureText } from './texts';
import { analysisOf } from './analyses';

export const SAMPLE_URI = 'file:///work/ENTREGABLES.md';

export interface AnswerOptions {
  /** The server's date; by default 2025-12-01, before the sample's deadlines. */
  readonly today?: string;
  /** The last results the server keeps, by test key. */
  readonly lastResults?: ReadonlyMap<string, LastSmokeResultView>;
}

/** The core's front door over in-memory ports: no files, no network, a fixed date. */
export const testService = createReadinessService({
  files: memoryProbe({}),
  http: { send: () => Promise.reject(new Error('no network in unit tests')) },
  clock: { now: () => 0, setTimer: () => () => undefined },
  secrets: { get: () => Promise.resolve(undefined) },
  logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  settings: { locale: () => undefined, today: () => '2025-12-01' },
});

/** What the server answers for `text`. */
export function checklistResult(text: string, uri = SAMPLE_URI, options: AnswerOptions = {}): ChecklistResult {
  const today = options.today ?? '2025-12-01';
  const analysis = analysisOf(text, { today });
  return serverChecklistResult(
    testService,
    uri,
    1,
    analysis,
    text,
    findSmokeTests(analysis.checklist, text),
    today,
    options.lastResults,
  );
}

/** What the server answers for a file that is not a checklist. */
export function notAChecklist(uri: string, version: number): ChecklistResult {
  return serverNotAChecklist(testService, uri, version);
}

/** The text with the items' Estado (and summary boxes) set, through the same edits as the quick fix. */
export function withStates(text: string, states: Record<string, SettableState>): string {
  let result = text;
  for (const [id, state] of Object.entries(states)) {
    const { checklist } = analysisOf(result);
    const item = checklist.items.find((i) => i.id === id);
    if (!item) throw new Error(`no item ${id}`);
    result = applyEdits(result, setStateEdits(checklist, item, state));
  }
  return result;
}

const format = (message: string, args: (string | number)[]) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] ?? whole).toString());

export const english: Translate = (message, ...args) => format(message, args);

export const spanishBundle = JSON.parse(fixtureText('l10n/bundle.l10n.es.json')) as Record<string, string>;

/** Translates like vscode.l10n.t with the Spanish bundle; a message missing from it throws, so gaps show up. */
export const spanish: Translate = (message, ...args) => {
  const translated = spanishBundle[message];
  if (translated === undefined) throw new Error(`missing Spanish translation: ${JSON.stringify(message)}`);
  return format(translated, args);
};

/** A translator that records every message it is asked for. */
export function recording(): { t: Translate; messages: Set<string> } {
  const messages = new Set<string>();
  return { t: (message, ...args) => (messages.add(message), format(message, args)), messages };
}
