// A smoke test's evidence in words, for the hover on its output, status or stamp
// and for the sidebar: "ran 3 days ago (2026-12-03 10:00) against staging-host,
// HTTP 200 in 84 ms, unchanged since", or why it is stale, edited or unverified.
import { staleText } from '../rules/evidence';
import type { EvidenceState, TestEvidenceRecord } from '../rules/evidenceState';
import type { Translate } from '../messages';
import { contains, type Position, type Range } from '../types';

/** What the sidebar shows of a test's evidence: its state, a short mark (empty when there is nothing to flag) and the stamp in words. */
export interface EvidenceWords {
  readonly state: EvidenceState;
  readonly mark: string;
  readonly description: string;
}

/** "3 days ago", "5 hours ago", "just now"; a moment after `nowMs` (another clock) is "just now" too. */
export function ago(ranMs: number, nowMs: number, t: Translate): string {
  const minutes = Math.floor((nowMs - ranMs) / 60_000);
  if (minutes < 1) return t('evidence.ago.now');
  if (minutes < 60) return t('evidence.ago.minutes', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('evidence.ago.hours', hours);
  return t('evidence.ago.days', Math.floor(hours / 24));
}

export function evidenceSummary(record: TestEvidenceRecord, nowMs: number, t: Translate): string {
  const stamp = record.stamp;
  if (record.state === 'none') return t('evidence.none');
  if (!stamp)
    return record.unreadableVersion
      ? t('evidence.unverified.newer', record.unreadableVersion)
      : t('evidence.unverified');
  const ran = Date.parse(stamp.ran);
  const where = stamp.host ? t('evidence.against', stamp.host) + (stamp.env ? ` (${stamp.env})` : '') : '';
  const result =
    stamp.status === undefined
      ? t('evidence.noResponse')
      : `HTTP ${stamp.status}${stamp.ms === undefined ? '' : ` ${t('evidence.in', stamp.ms)}`}`;
  const when = `${ago(ran, nowMs, t)} (${stamp.ran.slice(0, 10)} ${stamp.ran.slice(11, 16)})`;
  const head = `${[t('evidence.ran', when), where].filter((part) => part !== '').join(' ')}, ${result}`;
  if (record.edited) return `${head}, ${t('evidence.editedSince')}`;
  if (record.state === 'stale')
    return `${head}; ${t('evidence.staleBecause', record.stale.map((r) => staleText(r, t)).join('; '))}`;
  return `${head}, ${t('evidence.unchanged')}`;
}

export function evidenceWords(record: TestEvidenceRecord, nowMs: number, t: Translate): EvidenceWords {
  const mark =
    record.state === 'stale' || record.state === 'edited' || record.state === 'unverified'
      ? t(`evidence.mark.${record.state}`)
      : '';
  return { state: record.state, mark, description: evidenceSummary(record, nowMs, t) };
}

/** The hover over a test's pasted output, its status field or its stamp. */
export function evidenceHoverAt(
  records: readonly TestEvidenceRecord[],
  position: Position,
  nowMs: number,
  t: Translate,
): { markdown: string; range: Range } | undefined {
  for (const record of records) {
    if (record.state === 'none') continue;
    const output = record.evidenceRange === record.commandRange ? undefined : record.evidenceRange;
    const range = [record.stampRange, output, record.statusRange].find((r) => r !== undefined && contains(r, position));
    if (!range) continue;
    const runner = record.stamp ? `\n\n${t('evidence.runner', record.stamp.runner)}` : '';
    return {
      markdown: `**${t('evidence.title', record.number)}**: ${evidenceSummary(record, nowMs, t)}${runner}`,
      range,
    };
  }
  return undefined;
}
