// The `readiness.*` settings of one resource, as the server uses them.
// To add a setting: declare it in package.json (contributes.configuration) with
// its package.nls*.json descriptions, add it here with its default and type
// check, use it where it applies, and list it in README.md's Configuration table.
import { DEFAULT_MAX_SIZE, defaultAnalysisSettings, defaultChecklistGlobs, defaultSmokeSettings, type AnalysisSettings, type Severity, type SmokeSettings } from '../core/api';

export interface ResourceSettings {
  readonly files: readonly string[];
  readonly ignore: readonly string[];
  readonly maxFileSize: number;
  readonly analysis: AnalysisSettings;
  /** `readiness.smoke.*`: where and how the document's curl smoke tests run. */
  readonly smoke: SmokeSettings;
}

export const defaultSettings: ResourceSettings = {
  files: defaultChecklistGlobs,
  ignore: [],
  maxFileSize: DEFAULT_MAX_SIZE,
  analysis: defaultAnalysisSettings,
  smoke: defaultSmokeSettings,
};

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Merges what the client returned for `readiness` over the defaults, ignoring values of the wrong type. */
export function toSettings(raw: unknown): ResourceSettings {
  const value = record(raw);
  const severity = record(value['severity']);
  return {
    files: stringArray(value['files']) ?? defaultSettings.files,
    ignore: stringArray(value['ignore']) ?? defaultSettings.ignore,
    maxFileSize: typeof value['maxFileSize'] === 'number' && value['maxFileSize'] >= 0 ? value['maxFileSize'] : defaultSettings.maxFileSize,
    analysis: {
      placeholderSeverity: {
        blocker: oneOf(severity['placeholderInBlocker'], SEVERITIES) ?? defaultAnalysisSettings.placeholderSeverity.blocker,
        other: oneOf(severity['placeholder'], SEVERITIES) ?? defaultAnalysisSettings.placeholderSeverity.other,
      },
      secretsAllow: regexes(stringArray(record(value['secrets'])['allow']) ?? []),
    },
    smoke: toSmokeSettings(record(value['smoke'])),
  };
}

/** `readiness.smoke.*`; an empty base URL means none (the client then asks for one). */
function toSmokeSettings(smoke: Record<string, unknown>): SmokeSettings {
  const baseUrl = typeof smoke['baseUrl'] === 'string' && smoke['baseUrl'].trim() !== '' ? smoke['baseUrl'].trim() : undefined;
  const timeoutMs = smoke['timeoutMs'];
  const captures = Object.entries(record(smoke['captures'])).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '');
  return {
    ...defaultSmokeSettings,
    baseUrl,
    allowedHosts: stringArray(smoke['allowedHosts']) ?? defaultSmokeSettings.allowedHosts,
    timeoutMs: typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : defaultSmokeSettings.timeoutMs,
    allowInsecureTls: smoke['allowInsecureTls'] === true,
    captures: captures.length > 0 ? Object.fromEntries(captures) : defaultSmokeSettings.captures,
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((g) => typeof g === 'string') ? value : undefined;
}

/** Compiles `readiness.secrets.allow`; a pattern that is not a valid regular expression is left out. */
function regexes(patterns: readonly string[]): RegExp[] {
  return patterns.flatMap((pattern) => {
    try {
      return [new RegExp(pattern, 'u')];
    } catch {
      return [];
    }
  });
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
