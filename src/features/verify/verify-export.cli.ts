import { readFileSync, statSync } from 'node:fs';
import { fromBase64, toBase64 } from '../../shared/evidence/bytes.js';
import { formatFingerprint, isEd25519Spki, keyId } from '../../shared/evidence/format.js';
import { trustedLogKeys } from '../../shared/evidence/pinned-log-keys.js';
import { type Report, type TimestampSummary, verifyBundle, type VerifiedEntry } from '../../shared/evidence/verify.js';
import { readTsaCertificate } from '../log/timestamp.js';
import { catalogues } from '../../messages.js';

/*
 * `npm run cli -- verify-export <bundle.zip> [--show] [--log-key …] [--author-fingerprint …]
 * [--known-checkpoint <file>]`: the reference verifier of docs/export-format.md §6 and §8 for the command line.
 * Its first line says what a reader may rely on; with --show it lists the verified entries themselves. Exit code
 * 0 valid, 1 invalid, 2 usage error; bad input never prints a stack trace.
 */

const verifyExportUsage = `Usage: npm run cli -- verify-export <bundle.zip> [options]

Checks a journal export bundle offline (docs/export-format.md §6 and §8).

Options:
  --show                            also list the verified entries: date, category, text, attachments, and
                                    which entries were withheld or redacted
  --log-key <base64 SPKI or file>   also trust this log key (may be repeated); pinned keys are always trusted
  --author-fingerprint <hex>        the account key fingerprint the parent gave you (spaces are ignored)
  --known-checkpoint <file>         a checkpoint you noted earlier: {"bytes","signature"} or {"size","root"}
  --tsa-cert <file>                 trust this RFC 3161 time-stamp authority's certificate (PEM or DER; may be
                                    repeated) for the global root's timestamp

Exit code: 0 valid, 1 not valid, 2 usage error.`;

const honestWording = [
  'What this proves: the log proves when each disclosed entry was received and that nothing in it changed since.',
  'An account signature proves that an entry was written in a session of this account, not who typed it.',
  'Neither proves that what was written is true.',
  'Compare the author fingerprint above with the one the parent gave you in person.',
];

class UsageError extends Error {}

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

function readFile(path: string, what: string): Uint8Array {
  try {
    if (!statSync(path).isFile()) throw new UsageError(`${what} "${path}" is not a file.`);
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read ${what} "${path}".`);
  }
}

/** A log key given as base64 SPKI, or as a file holding base64, PEM or DER. */
function parseLogKey(value: string): string {
  let spki = fromBase64(value.trim());
  if (spki === undefined || !isEd25519Spki(spki)) {
    let file: Uint8Array;
    try {
      file = new Uint8Array(readFileSync(value));
    } catch {
      throw new UsageError(`--log-key "${value}" is neither a base64 Ed25519 public key (SPKI) nor a readable file.`);
    }
    if (isEd25519Spki(file)) {
      spki = file;
    } else {
      const text = new TextDecoder()
        .decode(file)
        .replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '')
        .replace(/\s+/g, '');
      spki = fromBase64(text);
    }
  }
  if (spki === undefined || !isEd25519Spki(spki)) {
    throw new UsageError(`--log-key "${value}" is not an Ed25519 public key (SubjectPublicKeyInfo).`);
  }
  return toBase64(spki);
}

function list(indices: number[]): string {
  if (indices.length === 0) return 'none';
  const shown = indices.slice(0, 30).join(', ');
  return `${indices.length} (${shown}${indices.length > 30 ? ', …' : ''})`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The first line: what a reader may rely on, and (for an old bundle) what not. */
function relianceLine(report: Report, shown: boolean): string {
  const { summary } = report;
  if (!report.valid || summary === undefined) {
    return 'NOT VALID: do not rely on this bundle: not on its entries, not on journal.pdf, not on its attachments. What failed:';
  }
  const account = `the account ${formatFingerprint(summary.authorFingerprint)}`;
  const logged = `the server's log proves they were not changed after ${iso(summary.checkpointTime)}`;
  if (summary.exportSignature === 'valid') {
    return (
      `Valid: the entries ${shown ? 'below' : 'in this bundle (--show lists them)'}, this journal.pdf and these ` +
      `attachments are exactly what ${account} signed on ${iso(summary.exportedAt)}; ${logged}.`
    );
  }
  return (
    'Valid, but an old bundle (format 1) WITHOUT an export signature: rely only on the entries ' +
    `${shown ? 'below' : 'the verifier shows (--show)'}, signed by ${account}; ${logged}. journal.pdf, the label ` +
    'and the export time are NOT checked and may have been changed.'
  );
}

const categoryName = (category: string): string => {
  const key = `journal.category.${category}`;
  const { en } = catalogues;
  return Object.hasOwn(en, key) ? `${en[key as keyof typeof en]} (${category})` : category;
};

/** One verified entry as text, indented, with every field the parent filled in. */
function describeEntry(entry: VerifiedEntry, out: (line: string) => void): void {
  const { content } = entry;
  const observation = content.observation;
  const head = [`  Entry ${entry.index} (Entry ${entry.index + 1} in the PDF)`];
  if (entry.kind === 'correction') head.push(`correction of entry ${content.target?.index ?? '?'}`);
  if (entry.kind === 'redaction') head.push(`erasure of entry ${content.target?.index ?? '?'}`);
  if (observation !== undefined) {
    const when = `${observation.date}${observation.time === undefined ? '' : ` ${observation.time}`}`;
    head.push(`${when}${observation.approximate ? ' (approximately)' : ''}`, categoryName(observation.category));
  }
  out(head.join(' · '));
  const field = (name: string, value: string) => {
    const [first = '', ...rest] = value.split('\n');
    out(`      ${name}: ${first}`);
    for (const line of rest) out(`      ${' '.repeat(name.length + 2)}${line}`);
  };
  field('Received', `${iso(entry.received)} (by the server)`);
  if (observation !== undefined) {
    field('Text', observation.text);
    if (observation.question !== undefined) field('Asked or said before', observation.question);
    if (observation.words !== undefined) field('The child’s own words', `“${observation.words}”`);
    const people = observation.people.map(
      (person) => `${person.name}${person.description === '' ? '' : ` (${person.description})`}`,
    );
    if (people.length > 0) field('People', people.join('; '));
    if (observation.online.length > 0) field('Usernames and links', observation.online.join('; '));
    const flagged = (items: { value: string; recognised: boolean }[]) =>
      items.map((item) => `${item.value}${item.recognised ? '' : ' (as typed, not recognised)'}`).join('; ');
    if (observation.phones.length > 0) field('Phone numbers', flagged(observation.phones));
    if (observation.plates.length > 0) field('Number plates', flagged(observation.plates));
    if (observation.places.length > 0) field('Places', observation.places.join('; '));
    if (observation.missingFrom !== undefined || observation.missingUntil !== undefined) {
      field('Away or missing', `from ${observation.missingFrom ?? '?'} until ${observation.missingUntil ?? '?'}`);
    }
    const agencies = observation.agencies.map(
      (agency) => `${agency.who}${agency.reference === '' ? '' : ` (reference ${agency.reference})`}`,
    );
    if (agencies.length > 0) field('Agencies', agencies.join('; '));
  }
  for (const attachment of entry.attachments) {
    field(
      attachment.role === 'original' ? 'Original' : 'Attachment',
      `${attachment.path} (${attachment.mediaType}, ${attachment.bytes.length} bytes` +
        `${attachment.sha256 === undefined ? '' : `, SHA-256 ${attachment.sha256}`})`,
    );
  }
  if (entry.withheldAttachments.length > 0) {
    field('Withheld attachments', `${entry.withheldAttachments.length} (committed to, not given)`);
  }
  if (entry.withheldOriginals.length > 0) {
    field('Withheld originals', `${entry.withheldOriginals.length} (kept with their metadata, not given)`);
  }
}

/** The global root's RFC 3161 timestamp (§4.1), in one line. */
function timestampLine(timestamp: TimestampSummary): string {
  if (timestamp.status === 'absent') return 'not timestamped (no RFC 3161 timestamp in this bundle; not an error)';
  const by = `${timestamp.tsaName} (certificate SHA-256 ${timestamp.tsaFingerprint})`;
  return timestamp.trusted
    ? `the global root existed at ${iso(timestamp.time)}, says the trusted time-stamp authority ${by}`
    : `the global root existed at ${iso(timestamp.time)}, says ${by}, an authority NOT given with --tsa-cert: ` +
        'rely on it only if you trust that authority';
}

export function describeReport(report: Report, out: (line: string) => void, show = false): void {
  const { summary } = report;
  out(relianceLine(report, show));
  if (!report.valid) {
    for (const failure of report.failures) {
      out(`  - [${failure.check}]${failure.entry === undefined ? '' : ` entry ${failure.entry}:`} ${failure.message}`);
    }
  }
  if (summary === undefined) return;
  const signed = summary.exportSignature === 'valid';
  // Version 1 has nothing that signs the label and time; in a failed version 2 they are not what was signed.
  const unsigned = summary.formatVersion === 1 ? 'not signed' : 'not verified';
  out('');
  out(
    `  Format:              ${summary.formatVersion}${
      summary.formatVersion === 1
        ? ', without an export signature'
        : signed
          ? ", with the account's export signature"
          : ", but the account's export signature does not cover this bundle as it is (see above)"
    }`,
  );
  out(`  Journal:             ${summary.journal}`);
  out(`  Label (${signed ? 'signed' : unsigned}): ${JSON.stringify(summary.label)}`);
  out(`  Exported (${signed ? 'signed' : unsigned}): ${iso(summary.exportedAt)}`);
  if (summary.pdfSha256 !== undefined) {
    out(`  journal.pdf SHA-256: ${summary.pdfSha256}${signed ? ' (signed)' : ''}`);
  }
  out(`  Entries in the log:  ${summary.size}, checkpoint of ${new Date(summary.checkpointTime).toISOString()}`);
  out(`  Disclosed:           ${list(summary.disclosed)}`);
  out(`  Withheld:            ${list(summary.withheld)}`);
  out(`  Redacted:            ${list(summary.redacted)}`);
  // Attachments the parent left out: the content still commits to their hashes.
  const withheldFiles = (report.entries ?? []).filter((entry) => entry.withheldAttachments.length > 0);
  const withheldOriginals = (report.entries ?? []).filter((entry) => entry.withheldOriginals.length > 0);
  if (withheldFiles.length > 0) {
    out(`  Attachments withheld: in entries ${withheldFiles.map((entry) => entry.index).join(', ')}`);
  }
  if (withheldOriginals.length > 0) {
    out(
      `  Originals withheld:  in entries ${withheldOriginals.map((entry) => entry.index).join(', ')} (kept with their metadata, not given)`,
    );
  }
  out(`  Author fingerprint:  ${formatFingerprint(summary.authorFingerprint)} (computed from the bundle)`);
  if (summary.authorFingerprintMatches !== undefined) {
    const earlier =
      summary.authorFingerprintMatchedKey !== undefined &&
      summary.authorFingerprintMatchedKey !== summary.authorFingerprint;
    out(
      `                       ${
        !summary.authorFingerprintMatches
          ? 'does NOT match'
          : earlier
            ? 'matches an EARLIER key of the account (see below), which signed the hand-over to this key;'
            : 'matches'
      } the fingerprint given`,
    );
  }
  for (const id of summary.authorKeys.slice(0, -1)) {
    out(
      `  Earlier author key:  ${formatFingerprint(id)}${id === summary.authorFingerprintMatchedKey ? ' (given)' : ''}`,
    );
  }
  out(`  Log key:             ${formatFingerprint(summary.logKeyId)}`);
  if (summary.knownCheckpointSize !== undefined) {
    out(`  Known checkpoint:    the log extends the one of size ${summary.knownCheckpointSize} you noted`);
  }
  if (summary.timestamp !== undefined) out(`  Timestamp:           ${timestampLine(summary.timestamp)}`);
  if (show) {
    out('');
    if (!report.valid || report.entries === undefined) {
      out('Entries: none are shown, because the bundle is not valid.');
    } else {
      out(`Entries (${report.entries.length}, each verified):`);
      for (const entry of report.entries) describeEntry(entry, out);
      out(`Withheld by the parent (not shown, still in the log): ${summary.withheld.join(', ') || 'none'}`);
      out(`Erased by the parent (content destroyed, still in the log): ${summary.redacted.join(', ') || 'none'}`);
    }
  }
  if (report.valid) {
    out('');
    for (const line of honestWording) out(line);
  }
}

export async function runVerifyExport(args: readonly string[], io: CliOutput): Promise<number> {
  try {
    let bundlePath: string | undefined;
    const extraKeys: { id: string; spkiB64: string }[] = [];
    let authorFingerprint: string | undefined;
    let knownCheckpoint: Uint8Array | undefined;
    const tsaCerts: Uint8Array[] = [];
    let show = false;
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i]!;
      const value = (): string => {
        const next = args[i + 1];
        if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
        i += 1;
        return next;
      };
      if (arg === '--log-key') {
        const spkiB64 = parseLogKey(value());
        extraKeys.push({ id: keyId(fromBase64(spkiB64)!), spkiB64 });
      } else if (arg === '--author-fingerprint') {
        authorFingerprint = value();
      } else if (arg === '--known-checkpoint') {
        knownCheckpoint = readFile(value(), 'the known checkpoint');
      } else if (arg === '--tsa-cert') {
        const file = value();
        try {
          tsaCerts.push(readTsaCertificate(file));
        } catch {
          throw new UsageError(`--tsa-cert "${file}" is not a readable certificate (PEM or DER).`);
        }
      } else if (arg === '--show') {
        show = true;
      } else if (arg === '--help' || arg === '-h') {
        io.out(verifyExportUsage);
        return 0;
      } else if (arg.startsWith('--')) {
        throw new UsageError(`Unknown option ${arg}.`);
      } else if (bundlePath === undefined) {
        bundlePath = arg;
      } else {
        throw new UsageError('Give one bundle.');
      }
    }
    if (bundlePath === undefined) throw new UsageError('Which bundle? Give the path of the .zip file.');
    const zip = readFile(bundlePath, 'the bundle');
    const report = await verifyBundle(zip, {
      pinnedLogKeys: trustedLogKeys(extraKeys),
      ...(authorFingerprint === undefined ? {} : { authorFingerprint }),
      ...(knownCheckpoint === undefined ? {} : { knownCheckpoint }),
      trustedTsaCerts: tsaCerts,
    });
    describeReport(report, io.out, show);
    return report.valid ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${verifyExportUsage}`);
      return 2;
    }
    io.err(`verify-export failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
