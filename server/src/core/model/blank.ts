// The model's one question about blanks: is this value still the template's? The
// shapes of a blank (brackets, underscores, `<angle>`, TBD values, `☐` choices) are the
// placeholder module's business (`isBlankValue`/`isBlankCell`/`findBlanks`); this call
// site keeps the model asking it in one place.
import { isBlankCell } from '../placeholders';

// A state or field left as a dash, or "N/A" standing for "nothing written yet" in a state column.
const EMPTY_MARKS = /^(?:[-–—]|n\/?a)$/i;

/** Empty, a dash, or nothing but template blanks: a single `[placeholder]`, `____`, `<angle>`, TBD and the like. */
export function isBlankValue(value: string): boolean {
  const text = value.replace(/\*\*/g, '').trim();
  if (EMPTY_MARKS.test(text)) return true;
  return isBlankCell(text, 'status');
}
