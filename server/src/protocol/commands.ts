// Every command id of the extension: the ones the server puts in code lenses and code actions
// (the client registers them), and the ones of the sidebar, the palette and the status bar.
// package.json declares the same ids (a unit test keeps the two in step).
export const COMMANDS = {
  /** Code lenses, the "Run smoke test N" quick fix and the sidebar: runs tests by their keys (`RunSmokeTestsArguments`). */
  runSmokeTests: 'readiness.runSmokeTests',
  /** The palette: runs every smoke test of the active checklist. */
  runAllSmokeTests: 'readiness.runAllSmokeTests',
  selectEnvironment: 'readiness.selectEnvironment',
  /** The "Move to secret storage as NAME" quick fix (`MoveSecretToStorageArguments`). */
  moveSecretToStorage: 'readiness.moveSecretToStorage',
  /** The "Link an existing file..." quick fix (`LinkExistingFileArguments`). */
  linkExistingFile: 'readiness.linkExistingFile',
  /** The "Sign off..." quick fix when git knows no user name (`SignOffArguments`): the client asks the name and sends `readiness/signOff`. */
  signOff: 'readiness.signOff',
  createChecklistFromTemplate: 'readiness.createChecklistFromTemplate',
  openSettings: 'readiness.openSettings',
  sidebarRefresh: 'readiness.sidebar.refresh',
  sidebarShowBlockersOnly: 'readiness.sidebar.showBlockersOnly',
  sidebarShowAllItems: 'readiness.sidebar.showAllItems',
  sidebarFilterByOwner: 'readiness.sidebar.filterByOwner',
  sidebarClearOwnerFilter: 'readiness.sidebar.clearOwnerFilter',
  sidebarReveal: 'readiness.sidebar.reveal',
  sidebarGoToItem: 'readiness.sidebar.goToItem',
  sidebarSetStatePending: 'readiness.sidebar.setState.pending',
  sidebarSetStateInProgress: 'readiness.sidebar.setState.inProgress',
  sidebarSetStateDone: 'readiness.sidebar.setState.done',
  sidebarSetStateBlocked: 'readiness.sidebar.setState.blocked',
  sidebarRunAllSmokeTests: 'readiness.sidebar.runAllSmokeTests',
  sidebarRunSmokeTests: 'readiness.sidebar.runSmokeTests',
  sidebarRunSmokeTest: 'readiness.sidebar.runSmokeTest',
  /** The palette and the sidebar's verdict row: the report of a checklist in a webview beside it. */
  openReport: 'readiness.openReport',
  /** The palette and the sidebar's menu: writes a checklist's report as HTML or markdown. */
  exportReport: 'readiness.exportReport',
  /** VS Code's own command for the Checklist view (`<view id>.focus`), which the status bar item runs. */
  focusChecklistView: 'readiness.checklist.focus',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
