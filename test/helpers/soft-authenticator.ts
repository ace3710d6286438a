// A software WebAuthn authenticator for service and route tests: a real P-256 key pair, real CBOR, real
// signatures, so @simplewebauthn/server verifies its answers exactly as it verifies a browser's. Attestation is
// "none". Each call can be bent (origin, counter, challenge) to build the answers an attacker would send.
// (Browser tests use chromium's own virtual authenticator instead.)

import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

type Cbor = number | string | Buffer | Map<number, Cbor> | CborRecord;
interface CborRecord {
  [key: string]: Cbor;
}

function head(major: number, value: number): Buffer {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) return Buffer.from([(major << 5) | 25, value >> 8, value & 0xff]);
  const bytes = Buffer.alloc(5);
  bytes[0] = (major << 5) | 26;
  bytes.writeUInt32BE(value, 1);
  return bytes;
}

/** Enough CBOR for attestation objects and COSE keys: integers, text, bytes and maps. */
export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  const entries: [Cbor, Cbor][] = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([key, item]) => [cbor(key), cbor(item)])]);
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest();

export interface Ceremony {
  /** Overrides the origin written in the client data (a phishing site). */
  origin?: string;
  /** Overrides the challenge that is signed. */
  challenge?: string;
  /** The signature counter to report; by default one more than last time. */
  counter?: number;
}

export function createSoftAuthenticator(relyingParty: { origin: string; rpId: string }) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = randomBytes(16);
  let counter = 0;
  const coseKey = cbor(
    new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]),
  );
  const authData = (count: number, attested: boolean) => {
    const fixed = Buffer.alloc(37);
    sha256(relyingParty.rpId).copy(fixed, 0);
    fixed[32] = 0x01 | 0x04 | (attested ? 0x40 : 0); // user present, user verified, attested credential data
    fixed.writeUInt32BE(count, 33);
    if (!attested) return fixed;
    const length = Buffer.alloc(2);
    length.writeUInt16BE(credentialId.length);
    return Buffer.concat([fixed, Buffer.alloc(16), length, credentialId, coseKey]);
  };
  const clientData = (type: string, challenge: string, ceremony: Ceremony) =>
    Buffer.from(
      JSON.stringify({
        type,
        challenge: ceremony.challenge ?? challenge,
        origin: ceremony.origin ?? relyingParty.origin,
        crossOrigin: false,
      }),
    );

  return {
    credentialId: b64url(credentialId),

    /** The answer to navigator.credentials.create() for these options (JSON from the server). */
    register(options: { challenge: string }, ceremony: Ceremony = {}) {
      const data = clientData('webauthn.create', options.challenge, ceremony);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        response: {
          clientDataJSON: b64url(data),
          attestationObject: b64url(
            cbor({ fmt: 'none', attStmt: {}, authData: authData(ceremony.counter ?? 0, true) }),
          ),
          transports: ['internal'],
        },
        clientExtensionResults: {},
      };
    },

    /** The answer to navigator.credentials.get() for these options, signed with this authenticator's key. */
    authenticate(options: { challenge: string }, ceremony: Ceremony = {}) {
      counter = ceremony.counter ?? counter + 1;
      const data = clientData('webauthn.get', options.challenge, ceremony);
      const authenticatorData = authData(counter, false);
      const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(data)]), privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        response: {
          clientDataJSON: b64url(data),
          authenticatorData: b64url(authenticatorData),
          signature: b64url(signature),
        },
        clientExtensionResults: {},
      };
    },
  };
}
