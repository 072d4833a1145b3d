// The supervisor's report: one model (`buildReport`), three renderings.
//   buildReport(analysis, context) → ReportModel (pure, secrets masked)
//   renderReport(model, format, t)  → HTML (self-contained), GitHub-flavoured markdown, or JSON
import type { Translate } from '../messages';
import { renderHtml, type HtmlOptions } from './html';
import { renderMarkdown } from './markdown';
import type { ReportModel } from './model';

export { buildReport, REPORT_SCHEMA, type ReportContext, type ReportModel } from './model';
export { escapeHtml, renderHtml, type HtmlOptions } from './html';
export { escapeMarkdown, renderMarkdown } from './markdown';

export type ReportFormat = 'html' | 'md' | 'json';

export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md', 'json'];

export function renderReport(model: ReportModel, format: ReportFormat, t: Translate, html: HtmlOptions = {}): string {
  if (format === 'html') return renderHtml(model, t, html);
  if (format === 'md') return renderMarkdown(model, t);
  return `${JSON.stringify(model, null, 2)}\n`;
}
