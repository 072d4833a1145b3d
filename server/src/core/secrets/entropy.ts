// Measures of how random a value looks. Secrets are drawn from large alphabets;
// words, numbers and masks are not.

/** Shannon entropy in bits per character (0 for an empty string). */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of upper-case letters, lower-case letters, digits and other characters occur. */
export function characterClasses(value: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 65 && code <= 90) upper = 1;
    else if (code >= 97 && code <= 122) lower = 1;
    else if (code >= 48 && code <= 57) digit = 1;
    else other = 1;
  }
  return upper + lower + digit + other;
}

/**
 * Long and drawn from a large alphabet (base64 and the like, not hex or a UUID): random
 * enough to be a credential even under a vague name such as `auth` or `key`.
 */
export function looksRandom(value: string): boolean {
  return value.length >= 24 && shannonEntropy(value) >= 4.2;
}
