// The model's one question about blanks: is this value still the template's? The
// shapes of a blank are the placeholder module's business; this call site keeps the
// model asking it in one place.
import { findPlaceholders } from '../placeholders';

const OTHER_BLANKS = /^(?:_+|(?:\\_)+|<[^>]*>|tbd|tbc|todo|xxx|\?+|[-–—]|n\/?a)$/i;

/** Empty, a single bracketed placeholder, or a run of underscores, `<angle>`, TBD and the like. */
export function isBlankValue(value: string): boolean {
  const text = value.replace(/\*\*/g, '').trim();
  if (text === '' || OTHER_BLANKS.test(text)) return true;
  const found = findPlaceholders(text);
  return found.length === 1 && found[0]?.start === 0 && found[0].end === text.length;
}
