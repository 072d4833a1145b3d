// The skeletons of the files a checklist asks for, in the checklist's language:
// a runbook with one section per "Contenido confirmado" line (so that ticking
// those boxes is then honest), an incident playbook with the sections on-call
// engineers look for, and a titled page for any other markdown file.
import type { DocumentLanguage } from '../model/checklist';
import { basenameOf } from './paths';

/** Where the new file comes from, for the line that links back to the checklist. */
export interface TemplateOrigin {
  /** The checklist's path relative to the new file's folder (`../ENTREGABLES.md`). */
  readonly checklistLink: string;
  readonly itemId: string;
  readonly itemTitle: string;
}

interface Section {
  readonly title: string;
  readonly hint: string;
}

const TEXT = {
  es: {
    origin: (o: TemplateOrigin, what: string) =>
      `> ${what} creado por Readiness para el ítem ${o.itemId} · ${o.itemTitle} de [${basenameOf(o.checklistLink)}](${linkTarget(o.checklistLink)}).`,
    runbook: 'Runbook',
    runbookNote: 'Cada sección responde a una línea de "Contenido confirmado": complétala y marca su casilla.',
    runbookHint: 'Pasos, comandos exactos y cómo comprobar cada uno.',
    runbookDefaults: ['Despliegue', 'Rollback', 'Monitoreo', 'Contactos'],
    playbook: 'Playbook de incidente',
    page: 'Documento',
    pageHint: 'Contenido pendiente.',
    playbookSections: [
      { title: 'Síntomas', hint: 'Qué alertas saltan y qué ven los usuarios.' },
      { title: 'Impacto', hint: 'A quién y a qué afecta, y cuánto.' },
      { title: 'Diagnóstico', hint: 'Comandos, logs y dashboards que confirman la causa.' },
      { title: 'Mitigación', hint: 'Pasos para contener el incidente, con los comandos exactos.' },
      { title: 'Escalamiento', hint: 'A quién avisar, cuándo y cómo (guardia, PagerDuty).' },
      { title: 'Seguimiento', hint: 'Post-mortem, tickets y prevención.' },
    ],
  },
  en: {
    origin: (o: TemplateOrigin, what: string) =>
      `> ${what} created by Readiness for item ${o.itemId} · ${o.itemTitle} of [${basenameOf(o.checklistLink)}](${linkTarget(o.checklistLink)}).`,
    runbook: 'Runbook',
    runbookNote: 'Each section answers one line of "Confirmed content": fill it in and tick its box.',
    runbookHint: 'Steps, exact commands and how to check each one.',
    runbookDefaults: ['Deployment', 'Rollback', 'Monitoring', 'Contacts'],
    playbook: 'Incident playbook',
    page: 'Document',
    pageHint: 'Content to be written.',
    playbookSections: [
      { title: 'Symptoms', hint: 'Which alerts fire and what users see.' },
      { title: 'Impact', hint: 'Who and what is affected, and how badly.' },
      { title: 'Diagnosis', hint: 'Commands, logs and dashboards that confirm the cause.' },
      { title: 'Mitigation', hint: 'Steps to contain the incident, with the exact commands.' },
      { title: 'Escalation', hint: 'Who to call, when and how (on-call roster, PagerDuty).' },
      { title: 'Follow-up', hint: 'Post-mortem, tickets and prevention.' },
    ],
  },
} satisfies Record<DocumentLanguage, unknown>;

/** A runbook whose sections are the checklist's own lines ("Canary deployment steps", ...). */
export function runbookTemplate(
  sections: readonly string[],
  language: DocumentLanguage,
  origin: TemplateOrigin,
): string {
  const text = TEXT[language];
  const titles = sections.length > 0 ? sections : text.runbookDefaults;
  return page(
    text.runbook,
    [text.origin(origin, text.runbook), `> ${text.runbookNote}`],
    titles.map((title) => ({ title, hint: text.runbookHint })),
  );
}

/** An incident playbook for the topic its file name gives (`disk-full.md` → "Playbook: Disk full"). */
export function playbookTemplate(path: string, language: DocumentLanguage, origin: TemplateOrigin): string {
  const text = TEXT[language];
  return page(`Playbook: ${topicOf(path)}`, [text.origin(origin, text.playbook)], text.playbookSections);
}

/** Any other markdown file: a title from its name and the line back to the checklist. */
export function markdownTemplate(path: string, language: DocumentLanguage, origin: TemplateOrigin): string {
  const text = TEXT[language];
  return page(topicOf(path), [text.origin(origin, text.page)], [], text.pageHint);
}

/** `disk-full.md` → `Disk full`, `openai_failover.md` → `Openai failover`. */
export function topicOf(path: string): string {
  const words = basenameOf(path)
    .replace(/\.[^.]+$/, '')
    .replace(/[-_.]+/g, ' ')
    .trim();
  return words === '' ? basenameOf(path) : words.charAt(0).toUpperCase() + words.slice(1);
}

function page(title: string, intro: readonly string[], sections: readonly Section[], body?: string): string {
  const lines = [`# ${title}`, '', ...intro, ''];
  if (body !== undefined) lines.push(`<!-- ${body} -->`, '');
  for (const section of sections) lines.push(`## ${section.title}`, '', `<!-- ${section.hint} -->`, '');
  return lines.join('\n');
}

/** A link destination that survives spaces in the path. */
function linkTarget(path: string): string {
  return /[\s()<>]/.test(path) ? `<${path}>` : path;
}
