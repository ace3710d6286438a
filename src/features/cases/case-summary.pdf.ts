import path from 'node:path';
import type { MessageKey, Translate } from '../../shared/i18n/i18n.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { fontsDir } from '../../shared/paths.js';
import { writeText } from '../../shared/pdf/bidi-text.js';
import type { AgreementView, AppointmentView, OpenedText, TimelineEntry } from './case-items.service.js';
import type { PathwayState } from './pathway.js';
import type { Pathway } from './pathway.schema.js';
import { eventKeys } from './views/case-items.views.js';
import { roleLabel } from './views/pathway.views.js';

/*
 * The case summary PDF (issue 15 point 2a, ADR 0029) and a parent's own copy: where each track of the pathway
 * stands, the agreements, what is planned, the meetings and the timeline, as the member who asked reads them.
 * Everything is printed as text in the embedded DejaVu font (as the journal's PDF, ADR 0012): no network, no
 * built-in fonts. A text the member holds no key for is printed as unreadable, never guessed.
 */

export interface CaseSummaryModel {
  kind: 'summary' | 'own-copy';
  locale: Locale;
  /** The case's label (how the members name the child); '' when it cannot be read. */
  label: string;
  madeAt: number;
  /** The exporter's role, named. */
  madeBy: string;
  closed: boolean;
  pathway: Pathway;
  state: PathwayState;
  agreements: readonly AgreementView[];
  upcoming: readonly AppointmentView[];
  /** Newest first, as the timeline pages come. */
  timeline: readonly TimelineEntry[];
  /** Set when older events were left out: how many are in. */
  more: number | undefined;
}

const statusKeys = {
  open: 'caseItems.status.open',
  done: 'caseItems.status.done',
  dropped: 'caseItems.status.dropped',
} as const satisfies Record<AgreementView['status'], MessageKey>;

const FONT = {
  body: path.join(fontsDir, 'DejaVuSans.ttf'),
  bold: path.join(fontsDir, 'DejaVuSans-Bold.ttf'),
} as const;
const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;
const MUTED = '#555555';

export async function renderCaseSummaryPdf(model: CaseSummaryModel, t: Translate): Promise<Buffer> {
  const tag = model.locale === 'nl' ? 'nl-NL' : 'en-GB';
  const instant = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const dayFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const day = (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayFormat.format(new Date(`${value}T00:00:00Z`)) : value;
  const title = t(model.kind === 'summary' ? 'caseExports.pdf.title' : 'caseExports.pdf.ownTitle');
  // pdfkit is loaded at the first PDF, not at start-up: about 25 MB that most instances never need (issue 17).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 68 },
    bufferPages: true,
    font: FONT.body,
    lang: tag,
    displayTitle: true,
    // A neutral title, no subject or keywords: file lists and viewers show these.
    info: { Title: title, CreationDate: new Date(model.madeAt), ModDate: new Date(model.madeAt) },
  });
  const finished = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const write = (value: string, style: { bold?: boolean; size?: number; muted?: boolean; after?: number } = {}) => {
    doc
      .font(style.bold === true ? FONT.bold : FONT.body)
      .fontSize(style.size ?? 10.5)
      .fillColor(style.muted === true ? MUTED : '#111111');
    // Arabic or Hebrew in what was written in the case is shaped and set right to left (ADR 0055).
    writeText(doc, value.replace(/\t/g, '    '), { x: MARGIN, width: WIDTH, lineGap: 2, bottom: 841.89 - 68 });
    if (style.after !== undefined) doc.y += style.after;
  };
  const heading = (value: string) => {
    if (doc.y > 841.89 - 68 - 60) doc.addPage();
    doc.y += 8;
    write(value, { bold: true, size: 14, after: 4 });
  };
  const text = (value: OpenedText) => write(value ?? t('caseExports.pdf.unreadable'), { muted: value === undefined });
  const yesNo = (value: boolean) => t(value ? 'caseExports.pdf.yes' : 'caseExports.pdf.no');
  const local = (value: { nl: string; en: string }) => value[model.locale];

  write(title, { bold: true, size: 20, after: 6 });
  if (model.label !== '') write(t('caseExports.pdf.about', { label: model.label }), { bold: true, size: 13, after: 4 });
  write(t('caseExports.pdf.madeAt', { date: instant.format(new Date(model.madeAt)), who: model.madeBy }));
  write(t('caseExports.pdf.scope', { who: model.madeBy }), { muted: true, after: 4 });
  if (model.closed) write(t('caseExports.pdf.closed'), { bold: true, after: 4 });

  heading(t('caseExports.pdf.pathway'));
  for (const track of model.pathway.tracks) {
    const state = model.state[track.id];
    const step =
      state === undefined
        ? t('caseExports.pdf.trackNotStarted')
        : state.current === null
          ? t('caseExports.pdf.trackFinished')
          : local(
              track.steps.find((candidate) => candidate.id === state.current)?.title ?? {
                nl: state.current,
                en: state.current,
              },
            );
    write(t('caseExports.pdf.track', { track: local(track.title), step }), { after: 2 });
  }

  heading(t('caseExports.pdf.agreements'));
  if (model.agreements.length === 0) write(t('caseExports.pdf.none'));
  for (const agreement of model.agreements) {
    text(agreement.text);
    write(
      t('caseExports.pdf.agreementLine', {
        status: t(statusKeys[agreement.status]),
        due: agreement.dueOn === null ? '' : t('caseExports.pdf.due', { day: day(agreement.dueOn) }),
      }) + (agreement.compartment === 'professionals' ? ` ${t('caseExports.pdf.professionalsOnly')}` : ''),
      { muted: true, size: 9, after: 4 },
    );
  }

  heading(t('caseExports.pdf.upcoming'));
  if (model.upcoming.length === 0) write(t('caseExports.pdf.none'));
  for (const appointment of model.upcoming) {
    text(appointment.text);
    const when = [appointment.onDate === null ? undefined : day(appointment.onDate), appointment.atTime ?? undefined]
      .filter((part) => part !== undefined)
      .join(' ');
    if (when !== '') write(when, { muted: true, size: 9, after: 4 });
  }

  heading(t('caseExports.pdf.meetings'));
  const meetings = model.timeline.filter((entry) => entry.item?.type === 'meeting');
  if (meetings.length === 0) write(t('caseExports.pdf.none'));
  for (const entry of meetings) {
    if (entry.item?.type !== 'meeting') continue;
    write(
      t('caseExports.pdf.meetingLine', {
        day: day(entry.item.heldOn),
        invited: yesNo(entry.item.parentInvited),
        tookPart: yesNo(entry.item.parentTookPart),
      }),
      { bold: true, size: 9.5 },
    );
    text(entry.item.text);
    doc.y += 4;
  }

  heading(t('caseExports.pdf.timeline'));
  if (model.timeline.length === 0) write(t('caseExports.pdf.none'));
  for (const entry of model.timeline) {
    const who = entry.actorRole === null ? t('caseItems.someone') : roleLabel(t, entry.actorRole);
    const subject = entry.subjectRole === null ? t('caseItems.someone') : roleLabel(t, entry.subjectRole);
    write(
      `${instant.format(new Date(entry.at))} · ${t(eventKeys[entry.kind] ?? 'caseItems.event.other', { who, subject })}` +
        (entry.professionalsOnly ? ` ${t('caseExports.pdf.professionalsOnly')}` : ''),
      { size: 9.5 },
    );
    const item = entry.item;
    if (item !== undefined && item.type !== 'meeting') text(item.text);
    doc.y += 3;
  }
  if (model.more !== undefined) write(t('caseExports.pdf.more', { count: model.more }), { muted: true });

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.body)
      .fontSize(8)
      .fillColor(MUTED)
      .text(t('caseExports.pdf.page', { page: index - range.start + 1, pages: range.count }), MARGIN, 841.89 - 44, {
        width: WIDTH,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
