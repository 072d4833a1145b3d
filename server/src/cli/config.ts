// The CLI's settings: the same layers as the editor's, without the editor's
// own settings: the defaults, then `.readiness.json` (or package.json's
// `readiness` key) found from the checklist's folder upward, stopping at --root
// or the repository root.
import { dirname } from 'node:path';
import { findConfig, mergeLayers, toSettings, type FoundConfig, type ResourceSettings } from '../core/settings';
import { translator } from '../core/messages';
import { nodeConfigFiles } from '../node/configFiles';

export interface CliSettings {
  readonly settings: ResourceSettings;
  readonly config: FoundConfig | undefined;
  /** One line per problem of the configuration file: `path:line:col: message`. */
  readonly problems: readonly string[];
}

export class CliConfig {
  private readonly byFolder = new Map<string, Promise<CliSettings>>();

  constructor(
    private readonly stopAt: string | undefined,
    private readonly locale: string | undefined,
  ) {}

  /** The settings for a checklist file. */
  forFile(path: string): Promise<CliSettings> {
    const folder = dirname(path);
    let found = this.byFolder.get(folder);
    if (!found) {
      found = findConfig(folder, nodeConfigFiles, this.stopAt, translator(this.locale)).then((config) => ({
        settings: toSettings(mergeLayers(config?.parsed.raw)),
        config,
        problems: (config?.parsed.problems ?? []).map((p) => `${config?.path ?? ''}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`),
      }));
      this.byFolder.set(folder, found);
    }
    return found;
  }
}
