// Diagnostics from the smoke-test evidence and its stamps:
// - stale-evidence: the command changed since it ran, the run is older than
//   readiness.evidence.maxAgeDays, or it ran against another host or environment;
// - edited-evidence: the pasted evidence no longer matches its stamp's digest;
// - status-mismatch: an item marked done whose evidence shows a failure
//   (❌ FAILED, a 5xx, a time over its limit).
// Each carries the test's key, which the "Re-run this smoke test" fix runs.
import type { Translate } from '../messages';
import type { Checklist } from '../model/checklist';
import type { Finding } from '../types';
import type { EvidenceFailure, StaleReason, TestEvidenceRecord } from './evidenceState';

/** The evidence findings of these codes (the registry runs each code's as its rule); all three by default. */
export function evidenceFindings(
  records: readonly TestEvidenceRecord[],
  checklist: Checklist,
  t: Translate,
  codes: ReadonlySet<'edited-evidence' | 'stale-evidence' | 'status-mismatch'> = ALL_CODES,
): Finding[] {
  const findings: Finding[] = [];
  const done = new Set(checklist.items.filter((i) => i.state === 'done').map((i) => i.id));
  for (const record of records) {
    if (record.edited && codes.has('edited-evidence')) {
      findings.push({
        code: 'edited-evidence',
        severity: 'warning',
        message: t('evidence.edited', record.number),
        range: record.evidenceRange,
        data: { testKey: record.testKey, test: record.number },
      });
    }
    if (record.stale.length > 0 && codes.has('stale-evidence')) {
      findings.push({
        code: 'stale-evidence',
        severity: 'warning',
        message: t('evidence.stale', record.number, record.stale.map((r) => staleText(r, t)).join('; ')),
        range: record.commandLine,
        data: { testKey: record.testKey, test: record.number, reasons: record.stale.map((r) => r.code) },
      });
    }
    const failure = record.failures[0];
    if (failure && done.has(record.itemId) && codes.has('status-mismatch')) {
      const item = checklist.items.find((i) => i.id === record.itemId);
      findings.push({
        code: 'status-mismatch',
        severity: 'warning',
        message: t(
          'evidence.doneButFailed',
          record.itemId,
          item?.shortTitle ?? '',
          record.number,
          failureText(failure, t),
        ),
        range: failure.code === 'status-field' && record.statusRange ? record.statusRange : record.evidenceRange,
        data: { kind: 'evidence-failed', item: record.itemId, testKey: record.testKey, test: record.number },
      });
    }
  }
  return findings;
}

const ALL_CODES: ReadonlySet<'edited-evidence' | 'stale-evidence' | 'status-mismatch'> = new Set([
  'edited-evidence',
  'stale-evidence',
  'status-mismatch',
] as const);

export function staleText(reason: StaleReason, t: Translate): string {
  switch (reason.code) {
    case 'command':
      return t('evidence.stale.command');
    case 'age':
      return t('evidence.stale.age', reason.days, reason.maxDays);
    case 'host':
      return t('evidence.stale.host', reason.ran, reason.now);
    case 'environment':
      return t('evidence.stale.environment', reason.ran, reason.now);
  }
}

export function failureText(failure: EvidenceFailure, t: Translate): string {
  switch (failure.code) {
    case 'status-field':
      return t('evidence.failure.statusField', failure.value);
    case 'server-error':
      return t('evidence.failure.serverError', failure.status);
    case 'criterion':
      return t('evidence.failure.criterion', Math.round(failure.elapsedMs), failure.criterion);
  }
}
