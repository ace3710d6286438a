import { readFileSync, statSync } from 'node:fs';
import { fromBase64, toBase64 } from '../../shared/evidence/bytes.js';
import { formatFingerprint, isEd25519Spki, keyId } from '../../shared/evidence/format.js';
import { trustedLogKeys } from '../../shared/evidence/pinned-log-keys.js';
import { type Report, verifyBundle } from '../../shared/evidence/verify.js';

/*
 * `npm run cli -- verify-export <bundle.zip> [--log-key …] [--author-fingerprint …] [--known-checkpoint <file>]`:
 * the reference verifier of docs/export-format.md §6 for the command line. Exit code 0 valid, 1 invalid,
 * 2 usage error; bad input never prints a stack trace.
 */

export const verifyExportUsage = `Usage: npm run cli -- verify-export <bundle.zip> [options]

Checks a journal export bundle offline (docs/export-format.md §6).

Options:
  --log-key <base64 SPKI or file>   also trust this log key (may be repeated); pinned keys are always trusted
  --author-fingerprint <hex>        the account key fingerprint the parent gave you (spaces are ignored)
  --known-checkpoint <file>         a checkpoint you noted earlier: {"bytes","signature"} or {"size","root"}

Exit code: 0 valid, 1 not valid, 2 usage error.`;

export const honestWording = [
  'What this proves: the log proves when each disclosed entry was received and that nothing in it changed since.',
  'An account signature proves that an entry was written in a session of this account, not who typed it.',
  'Neither proves that what was written is true.',
  'Compare the author fingerprint above with the one the parent gave you in person; the label and export time',
  'are written by the parent and are not signed.',
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

export function describeReport(report: Report, out: (line: string) => void): void {
  const { summary } = report;
  out(report.valid ? 'valid' : 'NOT VALID');
  if (!report.valid) {
    for (const failure of report.failures) {
      out(`  - [${failure.check}]${failure.entry === undefined ? '' : ` entry ${failure.entry}:`} ${failure.message}`);
    }
  }
  if (summary === undefined) return;
  out('');
  out(`  Journal:             ${summary.journal}`);
  out(`  Label (not signed):  ${JSON.stringify(summary.label)}`);
  out(`  Exported (not signed): ${new Date(summary.exportedAt).toISOString()}`);
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
    });
    describeReport(report, io.out);
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
