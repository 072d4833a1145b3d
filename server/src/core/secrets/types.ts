// The shapes of the secret detector: a rule table entry, a finding, the options.
// A finding carries offsets, never the secret itself, so it can be logged,
// serialised or sent over the wire without leaking what it points at.

/**
 * How much a rule's context proves. When two findings overlap, the higher tier
 * wins: a GitHub token inside a basic-auth URL is reported as a GitHub token.
 */
export type SecretTier = 'vendor' | 'context' | 'generic';

export interface SecretRule {
  /** Stable id, used as `secret/<id>` in diagnostics, JSON and SARIF. */
  readonly id: string;
  /** English name of the kind of secret, e.g. "GitHub personal access token (classic)". */
  readonly description: string;
  readonly tier: SecretTier;
  /**
   * Lower-case literals of which at least one occurs on (or, with `followLines`,
   * just before) every match. Only those places are run through the patterns.
   */
  readonly keywords: readonly string[];
  /**
   * Global regular expressions. The named group `secret` is the value to report;
   * optional groups: `name` (the variable the value belongs to, e.g. `LOG_TOKEN`),
   * `user` (a user name next to a password: a password equal to it is a default
   * credential such as `guest:guest`, not a secret).
   */
  readonly patterns: readonly RegExp[];
  /** Minimum Shannon entropy, in bits per character, of the value. */
  readonly minEntropy: number;
  /** Minimum number of character classes (upper, lower, digit, other) in the value. */
  readonly minClasses?: number;
  /**
   * Values this rule finds that are known not to be secrets (a provider's test-mode
   * credentials, say). Published examples that are never secrets anywhere (AWS's
   * …EXAMPLE keys, jwt.io's token) are in allowlist.ts and apply to every rule.
   */
  readonly allow?: readonly RegExp[];
  /**
   * The value is free-form (a password, an opaque token): it is also dropped when it
   * looks like something else (a word, a number, a path, a URL, a date, an env var name).
   */
  readonly freeForm?: boolean;
  /**
   * The `name` group must be a secret's name (see vocabulary.ts): declared by the document
   * or ending in a secret word (`strict`), or also a bare `key`/`auth` (`lenient`, for
   * query parameters). The document's declared names are added to the keywords.
   */
  readonly needsSecretName?: 'strict' | 'lenient';
  /**
   * Also scan this many lines after the keyword's line (command output, PEM bodies),
   * stopping at the next shell prompt, fence or heading.
   */
  readonly followLines?: number;
  /** A check of the value's own structure, for a format a pattern cannot bound (a PEM body must be key material). */
  readonly isValue?: (value: string) => boolean;
  /** The conventional variable name for this kind of value, e.g. `OPENAI_API_KEY`. */
  readonly conventionalName?: string;
}

/** One secret found in a text. */
export interface SecretMatch {
  readonly ruleId: string;
  readonly description: string;
  /** UTF-16 offset of the first character of the value (not of its key or prefix context). */
  readonly start: number;
  /** UTF-16 offset just past the value. */
  readonly end: number;
  /**
   * The variable name the document uses (or should use) for this value, e.g. `LOG_TOKEN`
   * for a `token=` query parameter when the document has `<LOG_TOKEN>`. Absent when nothing
   * points at one.
   */
  readonly suggestedName?: string;
}

/** A span of text to hide; every SecretMatch is one. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface ScanOptions {
  /**
   * Names the document declares as secrets (see `declaredSecretNames`). Defaults to the
   * names declared in the scanned text itself; pass the checklist's names when scanning
   * something else (command output) or only a part of the document.
   */
  readonly vocabulary?: readonly string[];
  /** Accepted values (`readiness.secrets.allow`): a value any of them matches is not reported. */
  readonly allow?: readonly RegExp[];
}
