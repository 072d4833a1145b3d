// `readiness/smokeTestTree`: the smoke tests of checklists as the Testing view lists them, grouped
// checklist → item → test, built from the same `readiness/checklist` answer the sidebar gets (so a
// test's key, range and last result are the sidebar's and the code lens's), with the environments of
// each checklist's own settings. No command text travels.
import type { Translate } from '../core/api';
import type { ChecklistResult, SmokeChecklistNode, SmokeItemNode, SmokeTestNode } from '../protocol';
import type { ResourceSettings } from './settings';

/** The tree node of one checklist, with the environments of its settings; its items without smoke tests are left out. */
export function smokeChecklistNode(
  result: ChecklistResult,
  relativePath: string,
  settings: Pick<ResourceSettings, 'environments' | 'environment'>,
  t: Translate,
): SmokeChecklistNode {
  const items: SmokeItemNode[] = [];
  const view = result.checklist;
  for (const item of view?.items ?? []) {
    const tests = result.smokeTests.filter((test) => test.itemId === item.id);
    if (tests.length === 0) continue;
    items.push({
      id: `${result.uri}#item-${item.id}`,
      itemId: item.id,
      label: t('testing.itemLabel', item.id, item.shortTitle ?? item.title ?? t('testing.hidden')),
      range: item.headingRange,
      tests: tests.map((test): SmokeTestNode => ({
        id: `${result.uri}#${test.key}`,
        key: test.key,
        label: t('testing.testLabel', test.number, test.method, test.path ?? t('testing.hidden')),
        number: test.number,
        range: test.range,
        commandRange: test.commandRange,
        ...(test.last ? { last: test.last } : {}),
      })),
    });
  }
  return {
    uri: result.uri,
    label: view?.title ?? relativePath,
    relativePath,
    ...(result.smokeStagingHost === undefined ? {} : { stagingHost: result.smokeStagingHost }),
    items,
    environments: Object.keys(settings.environments),
    ...(settings.environment === undefined ? {} : { environment: settings.environment }),
  };
}

/** Every environment of the checklists, in order of first appearance: the Testing view's run profiles. */
export function environmentNames(checklists: readonly SmokeChecklistNode[]): string[] {
  return [...new Set(checklists.flatMap((checklist) => checklist.environments))];
}
