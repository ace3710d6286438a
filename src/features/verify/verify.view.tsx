import type { MessageKey } from '../../shared/i18n/messages.js';
import type { PageContext } from '../../shared/views/context.js';
import { Layout } from '../../shared/views/layout.js';

/** Every catalogue string the client script shows, passed to it raw (it fills in {placeholders} itself). */
export const clientMessageKeys = [
  'verify.busy',
  'verify.result.valid',
  'verify.result.validUnsigned',
  'verify.result.validText',
  'verify.result.invalid',
  'verify.result.invalidText',
  'verify.result.entry',
  'verify.result.detail',
  'verify.summary.title',
  'verify.summary.format',
  'verify.summary.formatSigned',
  'verify.summary.formatUnsigned',
  'verify.summary.formatFailed',
  'verify.summary.journal',
  'verify.summary.label',
  'verify.summary.labelSigned',
  'verify.summary.labelUnverified',
  'verify.summary.exportedAt',
  'verify.summary.exportedAtUnverified',
  'verify.summary.pdf',
  'verify.summary.size',
  'verify.summary.checkpointTime',
  'verify.summary.disclosed',
  'verify.summary.withheld',
  'verify.summary.redacted',
  'verify.summary.none',
  'verify.summary.authorFingerprint',
  'verify.summary.fingerprintMatches',
  'verify.summary.fingerprintDiffers',
  'verify.summary.fingerprintCompare',
  'verify.summary.fingerprintMatchesEarlier',
  'verify.summary.earlierKeys',
  'verify.summary.logKey',
  'verify.honest.title',
  'verify.honest.log',
  'verify.honest.account',
  'verify.honest.truth',
  'verify.entries.title',
  'verify.entry.heading',
  'verify.entry.received',
  'verify.entry.kind.entry',
  'verify.entry.kind.correction',
  'verify.entry.kind.redaction',
  'verify.entry.date',
  'verify.entry.category',
  'journal.category.behaviour',
  'journal.category.absence',
  'journal.category.contact',
  'journal.category.online',
  'journal.category.money',
  'journal.category.health',
  'journal.category.school',
  'journal.category.agencies',
  'journal.category.other',
  'verify.entry.question',
  'verify.entry.words',
  'verify.entry.attachments',
  'verify.entry.withheldAttachments',
  'verify.entry.withheldOriginals',
  'verify.unsupported',
  'verify.check.zip',
  'verify.check.manifest',
  'verify.check.encoding',
  'verify.check.log-key',
  'verify.check.author-key',
  'verify.check.author-key-history',
  'verify.check.checkpoint-signature',
  'verify.check.checkpoint',
  'verify.check.global-signature',
  'verify.check.global-inclusion',
  'verify.check.leaf',
  'verify.check.account-signature',
  'verify.check.inclusion',
  'verify.check.commitment',
  'verify.check.attachment',
  'verify.check.links',
  'verify.check.coverage',
  'verify.check.time',
  'verify.check.known-checkpoint',
  'verify.check.export-signature',
  'verify.check.export-checkpoint',
  'verify.check.export-indices',
  'verify.check.export-label',
  'verify.check.export-time',
  'verify.check.export-pdf',
  'verify.check.export-attachment',
  'verify.check.internal',
  'verify.check.global-timestamp',
  'verify.summary.timestamp',
  'verify.summary.timestampAbsent',
  'verify.summary.timestampTrusted',
  'verify.summary.timestampUnknown',
] as const satisfies readonly MessageKey[];

export interface VerifyPageProps {
  ctx: PageContext;
  scriptUrl: string;
  /** Raw catalogue strings for the client script. */
  messages: Record<string, string>;
  /** Trusted log keys: id → SPKI (base64). */
  logKeys: Record<string, string>;
  /** Trusted RFC 3161 TSA certificates (DER, base64): the server's TSA_CERT_FILE. */
  tsaCerts?: readonly string[];
}

/**
 * /verifieer: checks an export bundle in the browser, offline. The file is read with file.arrayBuffer() and
 * never sent anywhere (the page's CSP has connect-src 'none'). Without JavaScript it explains the CLI.
 */
export function VerifyPage({ ctx, scriptUrl, messages, logKeys, tsaCerts = [] }: VerifyPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('verify.title')} scripts={[scriptUrl]}>
      <h1>{t('verify.title')}</h1>
      <p class="app-lead">{t('verify.lead')}</p>
      <section data-verify-no-js aria-labelledby="verify-no-js">
        <h2 id="verify-no-js">{t('verify.noJs.title')}</h2>
        <p>{t('verify.noJs.text')}</p>
        <pre>
          <code>npm run cli -- verify-export export.zip --author-fingerprint …</code>
        </pre>
      </section>
      <form
        class="app-form"
        data-module="app-verify"
        data-messages={JSON.stringify(messages)}
        data-log-keys={JSON.stringify(logKeys)}
        data-tsa-certs={JSON.stringify(tsaCerts)}
        data-locale={ctx.locale}
        hidden
      >
        <div class="app-form-group">
          <label class="app-label" for="verify-file">
            {t('verify.form.file')}
          </label>
          <p class="app-hint" id="verify-file-hint">
            {t('verify.form.fileHint')}
          </p>
          <input
            class="app-file-upload"
            id="verify-file"
            name="bundle"
            type="file"
            accept=".zip,application/zip"
            aria-describedby="verify-file-hint"
            required
          />
        </div>
        <div class="app-form-group">
          <label class="app-label" for="verify-fingerprint">
            {t('verify.form.fingerprint')}
          </label>
          <p class="app-hint" id="verify-fingerprint-hint">
            {t('verify.form.fingerprintHint')}
          </p>
          <input
            class="app-input"
            id="verify-fingerprint"
            name="fingerprint"
            type="text"
            autocomplete="off"
            spellcheck={false}
            aria-describedby="verify-fingerprint-hint"
          />
        </div>
        <button class="app-button" type="submit">
          {t('verify.form.submit')}
        </button>
      </form>
      <div data-verify-result aria-live="polite" tabindex={-1} />
    </Layout>
  );
}
