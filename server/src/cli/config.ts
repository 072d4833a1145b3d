// The CLI's settings: the same layers as the editor's, without the editor's
// own settings: the defaults, then `.readiness.json` (or package.json's
// `readiness` key) found from the checklist's folder upward, stopping at --root
// or the repository root. The service reads the files through its `configFiles` port.
import { dirname } from 'node:path';
import { mergeLayers, toSettings, type FoundConfig, type ResourceSettings } from '../core/api';
import type { ReadinessService } from '../core/service';

export interface CliSettings {
  readonly settings: ResourceSettings;
  readonly config: FoundConfig | undefined;
  /** One line per problem of the configuration file: `path:line:col: message`. */
  readonly problems: readonly string[];
}

export class CliConfig {
  private readonly byFolder = new Map<string, Promise<CliSettings>>();

  constructor(
    private readonly service: ReadinessService,
    private readonly stopAt: string | undefined,
  ) {}

  /** The settings for a checklist file. */
  forFile(path: string): Promise<CliSettings> {
    const folder = dirname(path);
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.service.config.find(folder, this.stopAt).then((config) => ({
        settings: toSettings(mergeLayers(config?.parsed.raw)),
        config,
        problems: (config?.parsed.problems ?? []).map(
          (p) => `${config?.path ?? ''}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`,
        ),
      }));
      this.byFolder.set(folder, found);
    }
    return found;
  }
}
