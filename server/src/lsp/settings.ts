// The `readiness.*` settings of one resource, as the server uses them.
// To add a setting: declare it in package.json (contributes.configuration) with
// its package.nls*.json descriptions, add it here with its default and type
// check, use it where it applies, and list it in README.md's Configuration table.
import { DEFAULT_MAX_SIZE } from '../core/analyzer';
import { defaultChecklistGlobs } from '../core/detect';
import { defaultAnalysisSettings, type AnalysisSettings } from '../core/rules/rule';
import type { Severity } from '../core/types';

export interface ResourceSettings {
  readonly files: readonly string[];
  readonly ignore: readonly string[];
  readonly maxFileSize: number;
  readonly analysis: AnalysisSettings;
}

export const defaultSettings: ResourceSettings = {
  files: defaultChecklistGlobs,
  ignore: [],
  maxFileSize: DEFAULT_MAX_SIZE,
  analysis: defaultAnalysisSettings,
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
    },
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((g) => typeof g === 'string') ? value : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
