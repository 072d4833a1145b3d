// "Sign off as NAME": fills a sign-off's name and date (today, with the time when
// the blank asks for one), or signs a stale sign-off again.
import type { Now } from '../dates';
import type { Translate } from '../messages';
import { isStale, type SignOff } from '../rules/signoffs';
import type { Fix } from './fixes';

// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\u0000-\u001F\u007F[\]<>]/g;

/** A name as it can be written on one line of markdown: no control characters, brackets or line breaks. */
export function cleanSignerName(name: string): string {
  return name.replace(UNWRITABLE, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** The fix for a sign-off with a blank (or a stale one), signed by `name` on `now`; undefined when there is nothing to sign. */
export function signOffFix(signOff: SignOff, name: string, now: Now, t: Translate): Fix | undefined {
  const signer = cleanSignerName(name);
  if (signer === '') return undefined;
  const blank = signOff.name === undefined || signOff.date === undefined;
  if (!blank && !isStale(signOff)) return undefined;
  const date = signOff.wantsTime ? `${now.date} ${now.time}` : now.date;
  return {
    title: blank ? t('fix.signOff', signer) : t('fix.signOffAgain', signer),
    kind: 'quickfix',
    isPreferred: true,
    edits: [
      { range: signOff.nameRange, newText: signer },
      { range: signOff.dateRange, newText: date },
    ],
  };
}
