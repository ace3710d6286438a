import path from 'node:path';
import type { MessageKey, Translate } from '../../../shared/i18n/i18n.js';
import { nextTurn } from '../../../shared/next-turn.js';
import { fontsDir } from '../../../shared/paths.js';
import { writeText } from '../../../shared/pdf/bidi-text.js';
import { amsterdamDay } from '../../../shared/time/amsterdam.js';
import type { Flagged, Observation } from '../journal.schema.js';

/*
 * journal.pdf, the human-readable part of an export bundle (docs/export-format.md §5, ADR 0012). It is
 * informative: a verifier checks manifest.json, never this file. Everything the parent typed is printed as
 * text with an embedded DejaVu font, because pdfkit's built-in fonts silently garble what falls outside
 * WinAnsi (Ĳ, ‑, €). Pages are buffered so that "page X of Y" can be written once the count is known.
 */

export interface PdfAttachment {
  number: number;
  mediaType: string;
  size: number;
  /** A JPEG of at most 320 px; printed only for a disclosed attachment. */
  thumbnail?: Buffer;
  /** Where the file is in the ZIP, when disclosed. */
  path?: string;
  withheld: boolean;
  /** The original with its metadata, when one was kept: where it is in the ZIP, or withheld. */
  original?: { path: string } | 'withheld';
}

export interface PdfEntry {
  /** index + 1 */
  number: number;
  index: number;
  /** Receipt time, ms UTC. */
  receivedAt: number;
  /** hex */
  leafHash: string;
  kind: 'entry' | 'correction' | 'redaction';
  target?: { number: number };
  observation?: Observation;
  /** The entry was redacted: its content is gone. */
  redacted?: { at: number };
  /** Numbers of the entries that correct this one. */
  correctedBy: number[];
  attachments: PdfAttachment[];
}

export interface JournalPdfModel {
  locale: 'nl' | 'en';
  /** How the parent names the child in this bundle; also the PDF's title in its metadata. */
  label: string;
  /** Event dates (YYYY-MM-DD) of the disclosed entries. */
  period: { from?: string; to?: string };
  counts: { disclosed: number; withheld: number; redacted: number; size: number };
  /** 16 groups of 4 hex digits (spaces optional). */
  authorFingerprint: string;
  /** Fingerprints of the account's earlier keys (after key rotations), oldest first. */
  earlierFingerprints?: string[];
  logKeyId: string;
  checkpoint: { size: number; root: string; time: number };
  exportedAt: number;
  /** Disclosed entries (and redacted placeholders) in index order. */
  entries: PdfEntry[];
  withheldIndices: number[];
  /**
   * A bundle made when the parent shared these entries into a case (the police bundle, ADR 0029): the consent
   * records of the shares, printed on the cover so the account's export signature covers them.
   */
  sharedInCase?: SharedInCase;
}

/** The consent records of a parent's shares into a case, as the police bundle's cover prints them. */
export interface SharedInCase {
  consents: { at: number; basis: ConsentBasisName; childKnows: 'yes' | 'no' | 'unknown' }[];
}
type ConsentBasisName = 'parent' | 'child' | 'parent-and-child' | 'meldcode' | 'court-order';

/*
 * Fonts are named by their file path, never registered under other names: pdfkit caches a font under the
 * name it was first asked by, and a second name for the same file makes it parse the file again on every
 * switch (seconds for a long journal).
 */
const FONT = {
  body: path.join(fontsDir, 'DejaVuSans.ttf'),
  bold: path.join(fontsDir, 'DejaVuSans-Bold.ttf'),
  mono: path.join(fontsDir, 'DejaVuSansMono.ttf'),
} as const;
type FontName = keyof typeof FONT;

const COLOR = { text: '#111111', muted: '#555555', rule: '#999999', bar: '#2f5f8a' } as const;

/** A4 in points, margins of about 2 cm; the footer sits inside the bottom margin. */
const PAGE = { width: 595.28, height: 841.89, margin: 56, bottom: 68, footer: 44 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const SIZE = { title: 22, heading: 14, entryTitle: 12.5, body: 10.5, small: 9, footer: 8, hash: 7.5 } as const;
const LINE_GAP = 2;
const THUMBNAIL = 110;
const INDENT = 14;
/** Start an entry on a new page when less than this is left: a heading alone at the bottom helps nobody. */
const ENTRY_MIN_SPACE = 110;

type Doc = PDFKit.PDFDocument;

interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
  /** Extra space after the text, in points. */
  after?: number;
  indent?: number;
  align?: 'left' | 'right' | 'center';
}

const intlLocale = (locale: JournalPdfModel['locale']) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

function formatters(locale: JournalPdfModel['locale']) {
  const tag = intlLocale(locale);
  // Observation dates are calendar values as typed (no zone): format them as UTC so they never shift.
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(tag);
  const instant = new Intl.DateTimeFormat(tag, {
    dateStyle: 'long',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  });
  return {
    day: (value: string) => (isDay(value) ? day.format(new Date(`${value}T00:00:00Z`)) : value),
    shortDay: (value: string) => (isDay(value) ? shortDay.format(new Date(`${value}T00:00:00Z`)) : value),
    /** A local "YYYY-MM-DDTHH:MM" as typed, without time-zone conversion. */
    local: (value: string) =>
      isDay(value.slice(0, 10))
        ? `${shortDay.format(new Date(`${value.slice(0, 10)}T00:00:00Z`))} ${value.slice(11, 16)}`
        : value,
    instant: (ms: number) => instant.format(new Date(ms)),
    number: (value: number) => number.format(value),
  };
}
type Formatters = ReturnType<typeof formatters>;

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Tabs have no glyph of their own; everything else the parent typed is printed as it is. */
const printable = (text: string) => text.replace(/\t/g, '    ');

/** "3, 7, 12–15": consecutive numbers as ranges, so a long list of withheld entries stays readable. */
export function numberRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] ?? 0) + 1) end += 1;
    const first = sorted[start] ?? 0;
    const last = sorted[end] ?? 0;
    parts.push(first === last ? String(first) : last === first + 1 ? `${first}, ${last}` : `${first}–${last}`);
    start = end + 1;
  }
  return parts.join(', ');
}

/** The fingerprint as rows of 8 groups of 4 hex digits; anything unexpected is printed as given. */
function fingerprintRows(fingerprint: string): string[] {
  const hex = fingerprint.replace(/\s+/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) return [fingerprint];
  const groups = hex.match(/.{4}/g) ?? [];
  return [groups.slice(0, 8).join(' '), groups.slice(8).join(' ')];
}

const isJpeg = (buffer: Buffer) => buffer.length > 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff;

class Writer {
  constructor(
    readonly doc: Doc,
    readonly t: Translate,
    readonly format: Formatters,
  ) {}

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  /** The index of the page being written (pages are buffered, and content only ever goes to the last one). */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  space(points: number): void {
    if (this.doc.y + points >= this.bottom) this.doc.addPage();
    else this.doc.y += points;
  }

  text(value: string, style: TextStyle = {}): void {
    const indent = style.indent ?? 0;
    this.doc
      .font(FONT[style.font ?? 'body'])
      .fontSize(style.size ?? SIZE.body)
      .fillColor(style.color ?? COLOR.text);
    // Arabic or Hebrew (a parent's own words, a child's quote) is shaped and set right to left (ADR 0055).
    writeText(this.doc, printable(value), {
      x: PAGE.margin + indent,
      width: CONTENT_WIDTH - indent,
      lineGap: LINE_GAP,
      bottom: this.bottom,
      align: style.align ?? 'left',
    });
    if (style.after !== undefined) this.space(style.after);
  }

  heading(value: string, size: number = SIZE.heading): void {
    this.ensureSpace(size * 4);
    this.text(value, { font: 'bold', size, after: 4 });
  }

  rule(): void {
    const y = this.doc.y;
    this.doc
      .moveTo(PAGE.margin, y)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    this.space(6);
  }

  /** A small label above its value. */
  labelled(label: string, value: string, valueFont: FontName = 'body', size: number = SIZE.body): void {
    this.text(label, { font: 'bold', size: SIZE.small, color: COLOR.muted });
    this.text(value, { font: valueFont, size, after: 4 });
  }

  list(label: string, items: readonly string[]): void {
    if (items.length === 0) return;
    this.ensureSpace(SIZE.small * 4);
    this.text(label, { font: 'bold', size: SIZE.small, color: COLOR.muted });
    for (const item of items) this.text(`• ${item}`, { indent: 8 });
    this.space(4);
  }

  /**
   * Draws what `draw` writes with a bar beside it, indented: how the child's words are set apart from the
   * parent's text. The bar follows the text over page breaks.
   */
  barred(draw: () => void): void {
    const { doc } = this;
    this.ensureSpace(SIZE.body * 4);
    const startPage = this.pageIndex;
    const startY = doc.y;
    draw();
    const endPage = this.pageIndex;
    const endY = doc.y;
    for (let page = startPage; page <= endPage; page += 1) {
      doc.switchToPage(page);
      const top = page === startPage ? startY : PAGE.margin;
      const bottom = page === endPage ? endY - 2 : this.bottom;
      if (bottom <= top) continue;
      doc
        .moveTo(PAGE.margin + 3, top)
        .lineTo(PAGE.margin + 3, bottom)
        .lineWidth(2.5)
        .strokeColor(COLOR.bar)
        .stroke();
    }
    doc.switchToPage(endPage);
    doc.y = endY;
    this.space(4);
  }
}

function renderCover(w: Writer, model: JournalPdfModel): void {
  const { t, format } = w;
  w.text(t('export.pdf.title'), { font: 'bold', size: SIZE.title, after: 6 });
  w.text(t('export.pdf.about', { label: model.label }), { font: 'bold', size: SIZE.heading, after: 4 });
  const period =
    model.period.from !== undefined || model.period.to !== undefined
      ? t('export.pdf.period', {
          from: format.shortDay(model.period.from ?? model.period.to ?? ''),
          to: format.shortDay(model.period.to ?? model.period.from ?? ''),
        })
      : t('export.pdf.periodNone');
  w.text(period);
  w.text(t('export.pdf.exportedAt', { date: format.instant(model.exportedAt) }), { color: COLOR.muted, after: 12 });

  w.heading(t('export.pdf.counts.title'), SIZE.entryTitle);
  const counts: [MessageKey, number][] = [
    ['export.pdf.counts.disclosed', model.counts.disclosed],
    ['export.pdf.counts.withheld', model.counts.withheld],
    ['export.pdf.counts.redacted', model.counts.redacted],
    ['export.pdf.counts.size', model.counts.size],
  ];
  for (const [key, count] of counts) {
    w.text(`${t(key)}: ${t('export.pdf.counts.value', { count })}`);
  }
  w.space(12);

  if (model.sharedInCase !== undefined) renderSharedInCase(w, model.sharedInCase);

  w.heading(t('export.pdf.fingerprint.title'), SIZE.entryTitle);
  for (const row of fingerprintRows(model.authorFingerprint)) w.text(row, { font: 'mono', size: 16, after: 2 });
  w.space(2);
  w.text(t('export.pdf.fingerprint.hint'), { size: SIZE.small, color: COLOR.muted, after: 12 });
  if ((model.earlierFingerprints ?? []).length > 0) {
    w.heading(t('export.pdf.fingerprint.earlierTitle'), SIZE.entryTitle);
    for (const earlier of model.earlierFingerprints ?? []) {
      for (const row of fingerprintRows(earlier)) w.text(row, { font: 'mono', size: 12, after: 2 });
      w.space(4);
    }
    w.text(t('export.pdf.fingerprint.earlierHint'), { size: SIZE.small, color: COLOR.muted, after: 12 });
  }

  w.heading(t('export.pdf.checkpoint.title'), SIZE.entryTitle);
  w.labelled(t('export.pdf.checkpoint.size'), format.number(model.checkpoint.size));
  w.labelled(t('export.pdf.checkpoint.root'), model.checkpoint.root, 'mono', SIZE.small);
  w.labelled(t('export.pdf.checkpoint.time'), `${format.instant(model.checkpoint.time)}`);
  w.labelled(t('export.pdf.checkpoint.logKey'), model.logKeyId, 'mono', SIZE.small);
  w.space(8);

  w.heading(t('export.pdf.honest.title'), SIZE.entryTitle);
  w.text(`${t('export.pdf.honest.signature')} ${t('export.pdf.honest.log')}`, { after: 12 });

  w.heading(t('export.pdf.verify.title'), SIZE.entryTitle);
  w.text(t('export.pdf.verify.intro'), { after: 4 });
  w.text(t('export.pdf.verify.command'));
  w.text('npm run cli -- verify-export <bundle.zip>', { font: 'mono', size: SIZE.small, indent: INDENT, after: 4 });
  w.text(t('export.pdf.verify.page'));
  w.text('/verifieer', { font: 'mono', size: SIZE.small, indent: INDENT });
}

/** The consent records of the shares this bundle was made from (police bundle): when, on what basis, does the child know. */
function renderSharedInCase(w: Writer, shared: SharedInCase): void {
  const { t, format } = w;
  w.heading(t('caseExports.bundle.consent.title'), SIZE.entryTitle);
  w.text(t('caseExports.bundle.consent.intro'), { after: 4 });
  for (const consent of shared.consents) {
    w.text(
      t('caseExports.bundle.consent.item', {
        date: format.instant(consent.at),
        basis: t(`cases.consent.basis.${consent.basis}`),
        knows: t(`cases.consent.childKnows.${consent.childKnows}`),
      }),
      { indent: INDENT, after: 2 },
    );
  }
  w.space(10);
}

function flaggedItems(values: readonly Flagged[], flag: MessageKey, t: Translate): string[] {
  return values.map((item) => (item.recognised ? item.value : `${item.value} (${t(flag)})`));
}

function renderObservation(w: Writer, observation: Observation): void {
  const { t, format } = w;
  if (observation.text !== '') {
    w.text(t('export.pdf.field.text'), { font: 'bold', size: SIZE.small, color: COLOR.muted });
    w.text(observation.text, { after: 6 });
  }
  if (observation.question !== undefined || observation.words !== undefined) {
    w.barred(() => {
      if (observation.question !== undefined) {
        w.text(t('export.pdf.field.question'), { font: 'bold', size: SIZE.small, color: COLOR.muted, indent: INDENT });
        w.text(observation.question, { indent: INDENT, after: 4 });
      }
      if (observation.words !== undefined) {
        w.text(t('export.pdf.field.words'), { font: 'bold', size: SIZE.small, color: COLOR.muted, indent: INDENT });
        w.text(observation.words, { indent: INDENT });
      }
    });
  }
  w.list(
    t('export.pdf.field.people'),
    observation.people.map((person) =>
      person.description === ''
        ? person.name
        : person.name === ''
          ? person.description
          : `${person.name} – ${person.description}`,
    ),
  );
  w.list(t('export.pdf.field.online'), observation.online);
  w.list(t('export.pdf.field.phones'), flaggedItems(observation.phones, 'export.pdf.flag.phone', t));
  w.list(t('export.pdf.field.plates'), flaggedItems(observation.plates, 'export.pdf.flag.plate', t));
  w.list(t('export.pdf.field.places'), observation.places);
  if (observation.missingFrom !== undefined || observation.missingUntil !== undefined) {
    const parts: string[] = [];
    if (observation.missingFrom !== undefined) {
      parts.push(t('export.pdf.field.missingFrom', { moment: format.local(observation.missingFrom) }));
    }
    if (observation.missingUntil !== undefined) {
      parts.push(t('export.pdf.field.missingUntil', { moment: format.local(observation.missingUntil) }));
    }
    w.list(t('export.pdf.field.missing'), [parts.join(' ')]);
  }
  w.list(
    t('export.pdf.field.agencies'),
    observation.agencies.map((agency) =>
      agency.reference === ''
        ? agency.who
        : `${agency.who} (${t('export.pdf.field.reference', { reference: agency.reference })})`,
    ),
  );
}

function mediaTypeLabel(mediaType: string, t: Translate): string {
  switch (mediaType) {
    case 'image/png':
      return t('export.pdf.attachment.type.png');
    case 'image/jpeg':
      return t('export.pdf.attachment.type.jpeg');
    case 'image/webp':
      return t('export.pdf.attachment.type.webp');
    case 'application/pdf':
      return t('export.pdf.attachment.type.pdf');
    default:
      return t('export.pdf.attachment.type.other', { mediaType });
  }
}

function sizeLabel(bytes: number, w: Writer): string {
  return bytes >= 1024 * 1024
    ? w.t('export.pdf.attachment.sizeMb', { size: w.format.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) })
    : w.t('export.pdf.attachment.sizeKb', { size: w.format.number(Math.max(1, Math.round(bytes / 1024))) });
}

function renderAttachments(w: Writer, attachments: readonly PdfAttachment[]): void {
  if (attachments.length === 0) return;
  const { doc, t } = w;
  w.ensureSpace(SIZE.small * 4);
  w.text(t('export.pdf.attachments.title'), { font: 'bold', size: SIZE.small, color: COLOR.muted, after: 2 });
  for (const attachment of attachments) {
    const lines = [
      t('export.pdf.attachment.label', {
        number: attachment.number,
        type: mediaTypeLabel(attachment.mediaType, t),
        size: sizeLabel(attachment.size, w),
      }),
      attachment.withheld || attachment.path === undefined
        ? t('export.pdf.attachment.withheld')
        : t('export.pdf.attachment.path', { path: attachment.path }),
    ];
    if (!attachment.withheld && attachment.original !== undefined) {
      lines.push(
        attachment.original === 'withheld'
          ? t('export.pdf.attachment.originalWithheld')
          : t('export.pdf.attachment.original', { path: attachment.original.path }),
      );
    }
    // A withheld attachment's picture is not shown even if one was passed: withheld means not disclosed.
    const thumbnail =
      !attachment.withheld && attachment.thumbnail !== undefined && isJpeg(attachment.thumbnail)
        ? attachment.thumbnail
        : undefined;
    if (thumbnail === undefined) {
      for (const line of lines) w.text(line, { indent: 8 });
      w.space(4);
      continue;
    }
    // The thumbnail and its caption are one row that never straddles a page.
    const textX = PAGE.margin + THUMBNAIL + 12;
    const textWidth = CONTENT_WIDTH - THUMBNAIL - 12;
    doc.font(FONT.body).fontSize(SIZE.body);
    const textHeight = lines.reduce(
      (sum, line) => sum + doc.heightOfString(line, { width: textWidth, lineGap: LINE_GAP }),
      0,
    );
    const rowHeight = Math.max(THUMBNAIL, textHeight);
    w.ensureSpace(rowHeight + 6);
    const top = doc.y;
    let drawn = true;
    try {
      doc.image(thumbnail, PAGE.margin, top, { fit: [THUMBNAIL, THUMBNAIL], align: 'center', valign: 'center' });
      doc.rect(PAGE.margin, top, THUMBNAIL, THUMBNAIL).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    } catch {
      drawn = false; // A damaged thumbnail must not stop the export: the caption still says what and where.
    }
    doc.fillColor(COLOR.text).text(lines.join('\n'), textX, top, { width: textWidth, lineGap: LINE_GAP });
    doc.x = PAGE.margin;
    doc.y = top + (drawn ? rowHeight : textHeight);
    w.space(6);
  }
}

function renderEntry(w: Writer, entry: PdfEntry): void {
  const { doc, t, format } = w;
  w.ensureSpace(ENTRY_MIN_SPACE);
  w.rule();
  const title = t('export.pdf.entry.number', { number: entry.number });
  doc.outline.addItem(title);
  w.text(title, { font: 'bold', size: SIZE.entryTitle, after: 2 });

  const observation = entry.redacted === undefined ? entry.observation : undefined;
  if (observation !== undefined) {
    const when = [format.day(observation.date)];
    if (observation.time !== undefined) when.push(observation.time);
    let line = when.join(', ');
    if (observation.approximate) line += ` (${t('export.pdf.entry.approximate')})`;
    w.text(`${line} · ${t(`journal.category.${observation.category}`)}`, { font: 'bold' });
  }
  w.text(t('export.pdf.entry.received', { date: format.instant(entry.receivedAt) }), {
    size: SIZE.small,
    color: COLOR.muted,
  });
  if (entry.kind === 'correction' && entry.target !== undefined) {
    w.text(t('export.pdf.entry.correctionOf', { number: entry.target.number }), { font: 'bold', size: SIZE.small });
  }
  if (entry.correctedBy.length > 0) {
    w.text(
      t('export.pdf.entry.correctedBy', {
        count: entry.correctedBy.length,
        numbers: entry.correctedBy.join(', '),
      }),
      { font: 'bold', size: SIZE.small },
    );
  }
  w.space(4);

  if (entry.redacted !== undefined) {
    w.text(t('export.pdf.entry.redacted', { date: format.instant(entry.redacted.at) }), { after: 4 });
  } else if (entry.kind === 'redaction') {
    w.text(
      entry.target === undefined
        ? t('export.pdf.entry.noContent')
        : t('export.pdf.entry.redaction', { number: entry.target.number }),
      { after: 4 },
    );
  } else if (observation !== undefined) {
    renderObservation(w, observation);
  } else {
    w.text(t('export.pdf.entry.noContent'), { after: 4 });
  }
  if (entry.redacted === undefined) renderAttachments(w, entry.attachments);

  w.text(t('export.pdf.entry.leafHash', { hash: entry.leafHash }), {
    font: 'mono',
    size: SIZE.hash,
    color: COLOR.muted,
  });
  w.space(10);
}

function renderWithheld(w: Writer, model: JournalPdfModel): void {
  const { t } = w;
  w.ensureSpace(ENTRY_MIN_SPACE);
  w.rule();
  const title = t('export.pdf.withheld.title');
  w.doc.outline.addItem(title);
  w.heading(title);
  if (model.withheldIndices.length === 0) {
    w.text(t('export.pdf.withheld.none'));
    return;
  }
  w.text(t('export.pdf.withheld.intro'), { after: 4 });
  w.text(numberRanges(model.withheldIndices.map((index) => index + 1)));
}

/** Page X of Y and a neutral line on every page, written once all pages exist. */
function renderFooters(w: Writer, model: JournalPdfModel): void {
  const { doc, t, format } = w;
  const range = doc.bufferedPageRange();
  const footer = t('export.pdf.footer', {
    label: model.label,
    date: format.shortDay(amsterdamDay(new Date(model.exportedAt))),
  });
  const y = PAGE.height - PAGE.footer;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .moveTo(PAGE.margin, y - 6)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.font(FONT.body).fontSize(SIZE.footer).fillColor(COLOR.muted);
    const page = t('export.pdf.page', { page: index - range.start + 1, pages: range.count });
    const pageWidth = doc.widthOfString(page);
    doc.text(footer, PAGE.margin, y, { width: CONTENT_WIDTH - pageWidth - 12, lineBreak: false, ellipsis: true });
    doc.text(page, PAGE.margin + CONTENT_WIDTH - pageWidth, y, { width: pageWidth + 1, lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

/** Renders journal.pdf for an export bundle: a cover, every disclosed entry, the withheld numbers, page numbers. */
export async function renderJournalPdf(
  model: JournalPdfModel,
  t: Translate,
  /** Called now and then with the number of entries rendered; the event loop gets a turn at each call. */
  progress?: (done: number, total: number) => void,
): Promise<Buffer> {
  const title = model.label.trim() === '' ? t('export.pdf.title') : model.label;
  // pdfkit is loaded at the first PDF, not at start-up: about 25 MB that most instances never need (issue 17).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    // The embedded font from the start, so pdfkit never loads its built-in Helvetica.
    font: FONT.body,
    lang: intlLocale(model.locale),
    displayTitle: true,
    // A neutral title (the bundle's label) and no subject or keywords: file lists and viewers show these.
    info: { Title: title, CreationDate: new Date(model.exportedAt), ModDate: new Date(model.exportedAt) },
  });
  const finished = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc, t, formatters(model.locale));
  doc.outline.addItem(t('export.pdf.title'));
  renderCover(w, model);

  doc.addPage();
  w.heading(t('export.pdf.entries.title'));
  if (model.entries.length === 0) w.text(t('export.pdf.entries.none'));
  for (const [position, entry] of model.entries.entries()) {
    renderEntry(w, entry);
    if (progress !== undefined && position % 32 === 31) {
      progress(position + 1, model.entries.length);
      await nextTurn();
    }
  }
  renderWithheld(w, model);

  renderFooters(w, model);
  doc.end();
  return finished;
}
