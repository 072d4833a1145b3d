// Which environment a smoke test runs in, read from the server's tree (no `vscode` here, so the
// unit tests load it): each checklist has the environments of its own settings (its folder's
// `.readiness.json`, its workspace folder's settings) and its current one.
import type { SmokeChecklistNode, SmokeTestTreeResult } from '../../../server/src/protocol';

/** The checklist the environment status bar item speaks for: the active editor's when it is listed, else the first. */
export function checklistInView(
  tree: SmokeTestTreeResult | undefined,
  activeUri: string | undefined,
): SmokeChecklistNode | undefined {
  return tree?.checklists.find((checklist) => checklist.uri === activeUri) ?? tree?.checklists[0];
}

export type RunEnvironment =
  /** Run in this environment; undefined: no environment, the base URL setting (or the prompt). */
  | { readonly run: true; readonly environment: string | undefined }
  /** The profile's environment is not one of this checklist's: its tests are skipped. */
  | { readonly run: false; readonly missing: string };

/**
 * Where a run profile runs a checklist's tests: "Run in NAME" in NAME when the checklist's settings
 * have it; "Run" (`profile` undefined) in the checklist's current environment, if any.
 */
export function runEnvironment(checklist: SmokeChecklistNode, profile: string | undefined): RunEnvironment {
  if (profile === undefined) return { run: true, environment: checklist.environment };
  return checklist.environments.includes(profile)
    ? { run: true, environment: profile }
    : { run: false, missing: profile };
}
