// Every custom request and notification between the Readiness client and
// server. The client imports this module for its types only (ESLint enforces
// it), so each message is declared as a method name with its params and result.
import type { Checklist, ItemState, Progress } from '../core/model/checklist';
import type { Range } from '../core/types';

export interface ChecklistParams {
  readonly uri: string;
}

/** One blank still to fill in, with the item it belongs to. */
export interface OpenPlaceholder {
  readonly itemId: string;
  readonly text: string;
  readonly range: Range;
  readonly kind: string;
}

export interface ChecklistResult {
  readonly uri: string;
  readonly version: number;
  /** False for markdown files that are not checklists; the rest is then empty. */
  readonly isChecklist: boolean;
  readonly checklist: Checklist | undefined;
  readonly progress: Progress | undefined;
  readonly openPlaceholders: readonly OpenPlaceholder[];
}

export interface ChecklistChangedParams {
  readonly uri: string;
  readonly version: number;
  readonly isChecklist: boolean;
  readonly progress: Progress | undefined;
}

export interface SetStateParams {
  readonly uri: string;
  readonly itemId: string;
  readonly state: Exclude<ItemState, 'unknown'>;
}

/** Requests the client sends to the server. */
export interface ClientRequests {
  /**
   * `readiness/checklist`: the client (sidebar, status bar, tests) asks for the model of one open
   * document, so that it never has to parse markdown itself.
   */
  'readiness/checklist': { params: ChecklistParams; result: ChecklistResult };
  /**
   * `readiness/setState`: the sidebar's "set state" menu asks the server to edit an item's Estado and
   * its summary checkbox; the server applies the edit with `workspace/applyEdit`. Result: whether it applied.
   */
  'readiness/setState': { params: SetStateParams; result: boolean };
}

/** Notifications the server sends to the client. */
export interface ServerNotifications {
  /**
   * `readiness/checklistChanged`: the server tells the client that a document's analysis finished
   * (after each edit), so views refresh without polling.
   */
  'readiness/checklistChanged': ChecklistChangedParams;
}

export const CHECKLIST_REQUEST = 'readiness/checklist' satisfies keyof ClientRequests;
export const SET_STATE_REQUEST = 'readiness/setState' satisfies keyof ClientRequests;
export const CHECKLIST_CHANGED_NOTIFICATION = 'readiness/checklistChanged' satisfies keyof ServerNotifications;
