// The script of /verifieer, bundled by esbuild (verify.bundle.ts) with the evidence library. The bundle is read
// with file.arrayBuffer() and checked here; nothing is sent anywhere (the page's CSP has connect-src 'none').
// The DOM is built with createElement and textContent only: Trusted Types are enforced by the CSP.

import { formatFingerprint } from '../../shared/evidence/format.js';
import { fromBase64 } from '../../shared/evidence/bytes.js';
import { type Report, type TimestampSummary, verifyBundle, type VerifiedEntry } from '../../shared/evidence/verify.js';

type Messages = Record<string, string>;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('[data-module="app-verify"]');
  const resultOrNull = document.querySelector<HTMLElement>('[data-verify-result]');
  if (form === null || resultOrNull === null) return;
  const result: HTMLElement = resultOrNull;
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Messages;
  const locale = form.dataset.locale === 'en' ? 'en-GB' : 'nl-NL';
  const m = (key: string, values: Record<string, string | number> = {}): string => fill(messages[key] ?? key, values);
  const time = (ms: number): string =>
    new Date(ms).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });
  const list = (indices: number[]): string => (indices.length === 0 ? m('verify.summary.none') : indices.join(', '));

  document.querySelector('[data-verify-no-js]')?.setAttribute('hidden', '');
  form.hidden = false;

  function row(dl: HTMLElement, term: string, ...details: Array<string | HTMLElement>): void {
    dl.append(element('dt', term));
    const dd = element('dd');
    for (const detail of details) dd.append(typeof detail === 'string' ? element('span', detail) : detail);
    dl.append(dd);
  }

  function renderEntry(entry: VerifiedEntry): HTMLElement {
    const article = element('article', undefined, { class: 'app-verify__entry' });
    const target = entry.content.target?.index ?? '';
    article.append(
      element(
        'h3',
        `${m('verify.entry.heading', { index: entry.index })}: ${m(`verify.entry.kind.${entry.kind}`, { target })}`,
      ),
    );
    const dl = element('dl', undefined, { class: 'app-summary-list' });
    row(dl, m('verify.entry.received'), time(entry.received));
    const observation = entry.content.observation;
    if (observation !== undefined) {
      row(
        dl,
        m('verify.entry.date'),
        `${observation.date}${observation.time === undefined ? '' : ` ${observation.time}`}`,
      );
      const categoryKey = `journal.category.${observation.category}`;
      row(dl, m('verify.entry.category'), categoryKey in messages ? m(categoryKey) : observation.category);
    }
    article.append(dl);
    if (observation !== undefined) {
      for (const paragraph of observation.text.split('\n')) article.append(element('p', paragraph));
      if (observation.question !== undefined) {
        article.append(element('p', `${m('verify.entry.question')}: ${observation.question}`));
      }
      if (observation.words !== undefined) {
        article.append(element('p', `${m('verify.entry.words')}: “${observation.words}”`));
      }
    }
    if (entry.attachments.length > 0) {
      article.append(element('p', m('verify.entry.attachments')));
      const items = element('ul');
      for (const attachment of entry.attachments) {
        const hash = attachment.sha256 === undefined ? '' : `, SHA-256 ${attachment.sha256}`;
        items.append(
          element('li', `${attachment.path} (${attachment.mediaType}, ${attachment.bytes.length} bytes${hash})`),
        );
      }
      article.append(items);
    }
    if (entry.withheldAttachments.length > 0) {
      article.append(element('p', `${m('verify.entry.withheldAttachments')}: ${entry.withheldAttachments.length}`));
    }
    if (entry.withheldOriginals.length > 0) {
      article.append(element('p', `${m('verify.entry.withheldOriginals')}: ${entry.withheldOriginals.length}`));
    }
    return article;
  }

  /** The first line: what a reader may rely on (a signed export, an old one without its signature, or nothing). */
  function reliance(report: Report): string {
    const summary = report.summary;
    if (!report.valid || summary === undefined) return m('verify.result.invalid');
    const values = {
      fingerprint: formatFingerprint(summary.authorFingerprint),
      signedAt: time(summary.exportedAt),
      checkpointTime: time(summary.checkpointTime),
    };
    return m(summary.exportSignature === 'valid' ? 'verify.result.valid' : 'verify.result.validUnsigned', values);
  }

  /** The global root's RFC 3161 timestamp (§4.1): none, by the trusted TSA, or by one this page does not know. */
  function timestampText(timestamp: TimestampSummary): HTMLElement {
    if (timestamp.status === 'absent') {
      return element('span', m('verify.summary.timestampAbsent'), { 'data-verify-timestamp': 'absent' });
    }
    const values = { tsa: timestamp.tsaName, time: time(timestamp.time), fingerprint: timestamp.tsaFingerprint };
    return element(
      'span',
      m(timestamp.trusted ? 'verify.summary.timestampTrusted' : 'verify.summary.timestampUnknown', values),
      { 'data-verify-timestamp': timestamp.trusted ? 'trusted' : 'unknown' },
    );
  }

  function render(report: Report, fingerprintGiven: boolean): void {
    const heading = element('h2', reliance(report), {
      class: report.valid ? 'app-verify__valid' : 'app-verify__invalid',
      'data-verify-status': report.valid ? 'valid' : 'invalid',
      'data-verify-signature': report.summary?.exportSignature ?? 'invalid',
    });
    result.replaceChildren(
      heading,
      element('p', m(report.valid ? 'verify.result.validText' : 'verify.result.invalidText')),
    );
    if (!report.valid) {
      const failures = element('ul', undefined, { 'data-verify-failures': '' });
      for (const failure of report.failures) {
        const item = element('li');
        const where = failure.entry === undefined ? '' : ` (${m('verify.result.entry', { entry: failure.entry })})`;
        item.append(element('strong', `${m(`verify.check.${failure.check}`)}${where}`));
        item.append(element('br'), element('span', `${m('verify.result.detail')}: ${failure.message}`, { lang: 'en' }));
        failures.append(item);
      }
      result.append(failures);
    }
    const summary = report.summary;
    if (summary !== undefined) {
      result.append(element('h2', m('verify.summary.title')));
      const dl = element('dl', undefined, { class: 'app-summary-list' });
      const signed = summary.exportSignature === 'valid';
      row(
        dl,
        m('verify.summary.format'),
        m(
          signed
            ? 'verify.summary.formatSigned'
            : summary.formatVersion === 1
              ? 'verify.summary.formatUnsigned'
              : 'verify.summary.formatFailed',
        ),
      );
      row(dl, m('verify.summary.journal'), summary.journal);
      // Version 1 signs neither the label nor the export time; a failed version 2 no longer vouches for them.
      const unverified = summary.formatVersion === 1 ? 'verify.summary.label' : 'verify.summary.labelUnverified';
      row(dl, m(signed ? 'verify.summary.labelSigned' : unverified), summary.label);
      row(
        dl,
        m(signed ? 'verify.summary.exportedAt' : 'verify.summary.exportedAtUnverified'),
        time(summary.exportedAt),
      );
      if (summary.pdfSha256 !== undefined) {
        row(dl, m('verify.summary.pdf'), element('code', summary.pdfSha256, { 'data-verify-pdf': '' }));
      }
      row(dl, m('verify.summary.size'), String(summary.size));
      row(dl, m('verify.summary.checkpointTime'), time(summary.checkpointTime));
      row(dl, m('verify.summary.disclosed'), list(summary.disclosed));
      row(dl, m('verify.summary.withheld'), list(summary.withheld));
      row(dl, m('verify.summary.redacted'), list(summary.redacted));
      const fingerprint = element('code', formatFingerprint(summary.authorFingerprint), {
        'data-verify-fingerprint': '',
      });
      const matchedEarlier =
        summary.authorFingerprintMatchedKey !== undefined &&
        summary.authorFingerprintMatchedKey !== summary.authorFingerprint;
      const comparison =
        fingerprintGiven && summary.authorFingerprintMatches !== undefined
          ? m(
              !summary.authorFingerprintMatches
                ? 'verify.summary.fingerprintDiffers'
                : matchedEarlier
                  ? 'verify.summary.fingerprintMatchesEarlier'
                  : 'verify.summary.fingerprintMatches',
            )
          : m('verify.summary.fingerprintCompare');
      row(dl, m('verify.summary.authorFingerprint'), fingerprint, element('br'), comparison);
      const earlier = summary.authorKeys.slice(0, -1);
      if (earlier.length > 0) {
        // After key rotations: the account's earlier keys, each of which signed the hand-over to the next.
        row(
          dl,
          m('verify.summary.earlierKeys'),
          ...earlier.flatMap((id, i) => [
            ...(i === 0 ? [] : [element('br')]),
            element('code', formatFingerprint(id), { 'data-verify-earlier-key': '' }),
          ]),
        );
      }
      row(dl, m('verify.summary.logKey'), element('code', formatFingerprint(summary.logKeyId)));
      if (summary.timestamp !== undefined) row(dl, m('verify.summary.timestamp'), timestampText(summary.timestamp));
      result.append(dl);
    }
    if (report.valid) {
      result.append(element('h2', m('verify.honest.title')));
      for (const key of ['verify.honest.log', 'verify.honest.account', 'verify.honest.truth']) {
        result.append(element('p', m(key)));
      }
      result.append(element('h2', m('verify.entries.title')));
      for (const entry of report.entries ?? []) result.append(renderEntry(entry));
    }
    result.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = form.querySelector<HTMLInputElement>('input[type="file"]');
    const file = input?.files?.[0];
    if (file === undefined) return;
    const typed = form.querySelector<HTMLInputElement>('input[name="fingerprint"]')?.value.trim() ?? '';
    result.replaceChildren(element('p', m('verify.busy')));
    void file
      .arrayBuffer()
      .then((buffer) =>
        verifyBundle(new Uint8Array(buffer), {
          pinnedLogKeys: JSON.parse(form.dataset.logKeys ?? '{}') as Record<string, string>,
          trustedTsaCerts: (JSON.parse(form.dataset.tsaCerts ?? '[]') as string[]).map(
            (der) => fromBase64(der) ?? new Uint8Array(0),
          ),
          ...(typed === '' ? {} : { authorFingerprint: typed }),
        }),
      )
      .then(
        (report) => render(report, typed !== ''),
        () => result.replaceChildren(element('p', m('verify.unsupported'))),
      );
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
