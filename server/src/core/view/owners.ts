// Owners, for the owner filter. An Owner/Responsable field often names several people or teams
// ("Dev Lead / Dev + CI", "SRE + Security"); filtering by "SRE" should find all of theirs.

const SEPARATORS = /\s*(?:[/+,;&]|\s(?:y|and|e)\s)\s*/i;

/** The names in one Owner value, trimmed, in the order written. */
export function ownerNames(owner: string | undefined): string[] {
  return (owner ?? '')
    .split(SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** Every name in the Owner values, once each (first spelling wins, compared without case), sorted for a quick pick. */
export function ownersOf(owners: readonly (string | undefined)[]): string[] {
  const byKey = new Map<string, string>();
  for (const owner of owners)
    for (const name of ownerNames(owner)) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
