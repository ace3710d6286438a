import { readFileSync } from 'node:fs';
import { fromBase64, toBase64 } from '../../shared/evidence/bytes.js';
import { verifyConsistency } from '../../shared/evidence/merkle.js';
import { cosignatureType, ed25519Type, parseVkey, type Verifier } from '../../shared/evidence/note.js';
import { checkCheckpoint } from './witness.service.js';

/*
 * `npm run cli -- verify-checkpoint (--url <site> | --file <note>) --log <vkey> --witness <vkey>… [--quorum N]
 * [--consistent-with <older note>]`: checks the log of global roots' checkpoint (ADR 0044): the log key's
 * signature and each named witness's cosignature, and optionally that it extends a checkpoint you kept.
 * Exit code 0 valid, 1 not valid, 2 usage error. Needs no database.
 */

export const verifyCheckpointUsage = `Usage: npm run cli -- verify-checkpoint (--url <https://site> | --file <checkpoint>) --log <vkey> [options]

Checks a checkpoint of the log of global roots (a C2SP signed note, docs/transparency.md): the log's signature
and the cosignatures of the witnesses you name.

Options:
  --url <https://site>        fetch <site>/api/v1/log/checkpoint
  --file <file>               read the checkpoint from a file instead
  --log <vkey>                the log's verifier key (type 0x01), as the site publishes it and you compared it
  --witness <vkey>            a witness's cosigner key (type 0x04); may be repeated
  --quorum <n>                how many of the named witnesses must have cosigned (default: all of them)
  --consistent-with <file>    a checkpoint of this log you kept earlier: with --url, also check that the new
                              one extends it (consistency proof from the site)

Exit code: 0 valid, 1 not valid, 2 usage error.`;

class UsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${what} "${path}".`);
  }
}

function vkeyOf(value: string | undefined, type: number, option: string): Verifier {
  const verifier = value === undefined ? undefined : parseVkey(value);
  if (verifier === undefined || verifier.type !== type) {
    throw new UsageError(
      `${option} needs a verifier key name+id+key of type 0x0${type} (c2sp.org/signed-note), got ${JSON.stringify(value ?? '')}.`,
    );
  }
  return verifier;
}

async function fetchText(url: string, fetchImpl: typeof fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, { redirect: 'error', signal: AbortSignal.timeout(20_000) });
  } catch {
    throw new UsageError(`Cannot fetch ${url}.`);
  }
  if (!response.ok) throw new UsageError(`${url} answered ${response.status}.`);
  return response.text();
}

export async function runVerifyCheckpoint(
  args: readonly string[],
  io: Io,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  try {
    let url: string | undefined;
    let file: string | undefined;
    let log: string | undefined;
    let quorumText: string | undefined;
    let older: string | undefined;
    const witnessKeys: string[] = [];
    for (let i = 0; i < args.length; i += 1) {
      const option = args[i];
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${option} needs a value.`);
      i += 1;
      if (option === '--url') url = value;
      else if (option === '--file') file = value;
      else if (option === '--log') log = value;
      else if (option === '--witness') witnessKeys.push(value);
      else if (option === '--quorum') quorumText = value;
      else if (option === '--consistent-with') older = value;
      else throw new UsageError(`Unknown option ${option}.`);
    }
    if ((url === undefined) === (file === undefined)) throw new UsageError('Give either --url or --file.');
    const logVerifier = vkeyOf(log, ed25519Type, '--log');
    const witnesses = witnessKeys.map((key) => vkeyOf(key, cosignatureType, '--witness'));
    const quorum = quorumText === undefined ? witnesses.length : Number(quorumText);
    if (!Number.isSafeInteger(quorum) || quorum < 0 || quorum > witnesses.length) {
      throw new UsageError(`--quorum must be a whole number from 0 to the number of witnesses (${witnesses.length}).`);
    }
    if (older !== undefined && url === undefined) throw new UsageError('--consistent-with needs --url.');
    const site = url?.replace(/\/+$/, '');
    const note =
      site !== undefined
        ? await fetchText(`${site}/api/v1/log/checkpoint`, fetchImpl)
        : readText(file!, 'the checkpoint file');

    const result = await checkCheckpoint(note, logVerifier, witnesses);
    if (!result.ok) {
      io.out(`NOT VALID: ${result.problem}.`);
      return 1;
    }
    const { checkpoint } = result;
    io.out(`Checkpoint of ${checkpoint.origin}: size ${checkpoint.size}, root ${toBase64(checkpoint.rootHash)}`);
    io.out(`Log signature: valid (${logVerifier.name}+${logVerifier.keyId})`);
    for (const witness of witnesses) {
      const cosigned = result.cosigned.find((c) => c.verifier === witness);
      io.out(
        cosigned === undefined
          ? `Witness ${witness.name}+${witness.keyId}: no cosignature`
          : `Witness ${witness.name}+${witness.keyId}: cosigned at ${new Date(cosigned.timestamp * 1000).toISOString()}`,
      );
    }
    let valid = result.cosigned.length >= quorum;
    io.out(`Witnesses: ${result.cosigned.length} of ${witnesses.length} cosigned, ${quorum} needed`);

    if (older !== undefined && site !== undefined) {
      const kept = await checkCheckpoint(readText(older, 'the earlier checkpoint'), logVerifier, []);
      if (!kept.ok) throw new UsageError(`The earlier checkpoint is not valid: ${kept.problem}.`);
      const from = kept.checkpoint.size;
      const to = checkpoint.size;
      let consistent = false;
      if (from <= to) {
        const answer = await fetchText(`${site}/api/v1/log/consistency?from=${from}&to=${to}`, fetchImpl);
        let proof: unknown;
        try {
          proof = (JSON.parse(answer) as { proof?: unknown }).proof;
        } catch {
          proof = undefined;
        }
        const nodes = Array.isArray(proof)
          ? proof.map((node) => (typeof node === 'string' ? fromBase64(node) : undefined))
          : [];
        consistent =
          nodes.every((node) => node !== undefined) &&
          verifyConsistency(from, to, nodes, kept.checkpoint.rootHash, checkpoint.rootHash);
      }
      io.out(
        consistent
          ? `Consistent with the earlier checkpoint of size ${from}: yes`
          : `Consistent with the earlier checkpoint of size ${from}: NO — the log does not extend what you kept`,
      );
      valid &&= consistent;
    }
    io.out(valid ? 'VALID' : 'NOT VALID');
    return valid ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${verifyCheckpointUsage}`);
      return 2;
    }
    throw error;
  }
}
