/** Characters parsed or scanned between two steps of an analysis run in steps (ChecklistAnalyzer.analyzeInSteps). */
export const STEP_WORK = 64 * 1024;
