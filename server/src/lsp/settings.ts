// The `readiness.*` settings of one resource, as the server uses them.
import { DEFAULT_MAX_SIZE } from '../core/analyzer';
import { defaultChecklistGlobs } from '../core/detect';

export interface ResourceSettings {
  readonly files: readonly string[];
  readonly maxFileSize: number;
}

export const defaultSettings: ResourceSettings = {
  files: defaultChecklistGlobs,
  maxFileSize: DEFAULT_MAX_SIZE,
};

/** Merges what the client returned for `readiness` over the defaults, ignoring values of the wrong type. */
export function toSettings(raw: unknown): ResourceSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const files = Array.isArray(value['files']) && value['files'].every((g) => typeof g === 'string') ? value['files'] : defaultSettings.files;
  const maxFileSize = typeof value['maxFileSize'] === 'number' && value['maxFileSize'] >= 0 ? value['maxFileSize'] : defaultSettings.maxFileSize;
  return { files, maxFileSize };
}
