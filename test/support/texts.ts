// The fixture texts of test/unit, from memory (test/support/fixtureTexts.generated.ts, written by
// `npm run fixtures:unit`): the same names as paths.ts's readers, without touching the disk.
import { FIXTURE_TEXTS } from './fixtureTexts.generated';

/** A file under test/fixtures, e.g. `readFixture('gate', 'release-checklist.md')`. */
export function readFixture(...parts: string[]): string {
  return fixtureText(['test', 'fixtures', ...parts].join('/'));
}

/** The sample checklist, test/fixtures/workspace/ENTREGABLES.md. */
export const sampleText = (): string => readFixture('workspace', 'ENTREGABLES.md');

/** A file by its path from the repository root. */
export function fixtureText(path: string): string {
  const text = FIXTURE_TEXTS[path];
  if (text === undefined)
    throw new Error(
      `${path} is not among the unit fixtures: add it to scripts/unit-fixtures.mjs and run npm run fixtures:unit`,
    );
  return text;
}
