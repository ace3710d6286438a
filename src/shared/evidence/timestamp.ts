import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ContentInfo, id_signedData, SignedData, type SignerInfo } from '@peculiar/asn1-cms';
import {
  AlgorithmIdentifier,
  Certificate,
  ExtendedKeyUsage,
  id_ce_extKeyUsage,
  id_ce_subjectKeyIdentifier,
  id_kp_timeStamping,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { id_ct_tstInfo, MessageImprint, PKIStatus, TimeStampReq, TimeStampResp, TSTInfo } from '@peculiar/asn1-tsp';
import { concatBytes, equalBytes, toHex } from './bytes.js';
import { sha256 } from './sha256.js';

/*
 * RFC 3161 timestamps on global roots (docs/export-format.md §4.1, ADR 0043): the request the server sends to a
 * Time-Stamp Authority, and the check of the token it returns, shared by the server (which checks each token
 * before keeping it), the CLI and the offline /verifieer page. ASN.1 is read and written with @peculiar's
 * schema packages; every signature and digest goes through WebCrypto, which Node and browsers both have, so the
 * same code runs in both.
 *
 * What is stamped ("message imprint") is SHA-256 of the global root's signed bytes: JCS(globalRoot), exactly
 * the bytes the log key signs after its purpose prefix.
 */

const oid = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.2.840.10045.3.1.34',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

const digestNames: Record<string, string> = {
  [oid.sha1]: 'SHA-1',
  [oid.sha256]: 'SHA-256',
  [oid.sha384]: 'SHA-384',
  [oid.sha512]: 'SHA-512',
};

const bytesOf = (buffer: ArrayBuffer | ArrayBufferView): Uint8Array =>
  buffer instanceof ArrayBuffer
    ? new Uint8Array(buffer)
    : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

async function digest(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(name, bytes as Uint8Array<ArrayBuffer>));
}

/** SHA-256 of the global root's signed bytes: what a timestamp of that root stamps. */
export function rootImprint(globalRootBytes: Uint8Array): Uint8Array {
  return sha256(globalRootBytes);
}

/** A TimeStampReq (DER) for a SHA-256 imprint, asking for the TSA's certificate in the token. */
export function timestampRequest(imprint: Uint8Array, nonce: Uint8Array): Uint8Array {
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: oid.sha256 }),
      hashedMessage: new OctetString(imprint),
    }),
    nonce: positiveInteger(nonce),
    certReq: true,
  });
  return bytesOf(AsnConvert.serialize(request));
}

/** An INTEGER's content bytes that read as a positive number (a leading zero when the top bit is set). */
function positiveInteger(bytes: Uint8Array): ArrayBuffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.subarray(start);
  const out = (trimmed[0] ?? 0) & 0x80 ? concatBytes(new Uint8Array([0]), trimmed) : trimmed.slice();
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

const integerValue = (buffer: ArrayBuffer | undefined): string =>
  buffer === undefined ? '' : toHex(bytesOf(buffer)).replace(/^(00)+(?=.)/, '');

export type ResponseReading = { ok: true; token: Uint8Array } | { ok: false; message: string };

/** Reads a TSA's TimeStampResp: the token when the TSA granted it, else why not. */
export function readTimestampResponse(der: Uint8Array): ResponseReading {
  let response: TimeStampResp;
  try {
    response = AsnConvert.parse(der, TimeStampResp);
  } catch {
    return { ok: false, message: 'the answer is not an RFC 3161 TimeStampResp' };
  }
  const status = response.status.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = response.status.statusString?.map((item) => String(item)).join('; ');
    return { ok: false, message: `the TSA refused (status ${status}${text ? `: ${text}` : ''})` };
  }
  if (response.timeStampToken === undefined) return { ok: false, message: 'the TSA granted but sent no token' };
  return { ok: true, token: bytesOf(AsnConvert.serialize(response.timeStampToken)) };
}

export interface TimestampInfo {
  /** The TSA's time (genTime), ms since 1970. */
  time: number;
  /** hex(SHA-256(DER of the TSA certificate that signed)). */
  tsaFingerprint: string;
  /** The certificate's subject, as text, for people (not checked). */
  tsaName: string;
  /** Whether that certificate is one of the trusted (pinned) ones. */
  trusted: boolean;
  /** The TSTInfo's serial number (hex) and policy. */
  serial: string;
  policy: string;
}

export type TokenCheck = { ok: true; info: TimestampInfo } | { ok: false; message: string };

export interface TokenCheckOptions {
  /** Trusted TSA certificates (DER). A token signed by another is checked all the same, but not `trusted`. */
  trustedCerts?: readonly Uint8Array[];
  /** The nonce the request carried (the server checks it; a verifier has none). */
  nonce?: Uint8Array;
}

/**
 * Checks a TimeStampToken (DER ContentInfo) for `imprint` (SHA-256): the TSTInfo's message imprint, the signer's
 * signature over the signed attributes, the messageDigest attribute over the TSTInfo, the content type, the
 * signing certificate (ESS) attribute, and the certificate: the signer's, with the timeStamping key usage, valid
 * at genTime. Never throws.
 */
export async function checkTimestampToken(
  token: Uint8Array,
  imprint: Uint8Array,
  options: TokenCheckOptions = {},
): Promise<TokenCheck> {
  try {
    return await checkToken(token, imprint, options);
  } catch (error) {
    return {
      ok: false,
      message: `the timestamp token cannot be read (${error instanceof Error ? error.message : 'unknown'})`,
    };
  }
}

async function checkToken(token: Uint8Array, imprint: Uint8Array, options: TokenCheckOptions): Promise<TokenCheck> {
  const fail = (message: string): TokenCheck => ({ ok: false, message });
  const info = AsnConvert.parse(token, ContentInfo);
  if (info.contentType !== id_signedData) return fail('the timestamp token is not CMS SignedData');
  const signed = AsnConvert.parse(info.content, SignedData);
  if (signed.encapContentInfo.eContentType !== id_ct_tstInfo) return fail('the timestamp token holds no TSTInfo');
  const content = signed.encapContentInfo.eContent;
  const tstBytes =
    content?.single !== undefined
      ? bytesOf(content.single.buffer)
      : content?.any !== undefined
        ? anyOctets(content.any)
        : undefined;
  if (tstBytes === undefined) return fail('the timestamp token holds no TSTInfo');
  const tst = AsnConvert.parse(tstBytes, TSTInfo);

  // What was stamped: SHA-256 of the root's signed bytes.
  if (tst.messageImprint.hashAlgorithm.algorithm !== oid.sha256) {
    return fail('the timestamp does not stamp a SHA-256 imprint');
  }
  if (!equalBytes(bytesOf(tst.messageImprint.hashedMessage.buffer), imprint)) {
    return fail("the timestamp stamps another message: its imprint is not SHA-256 of the global root's bytes");
  }
  if (options.nonce !== undefined && integerValue(tst.nonce) !== integerValue(positiveInteger(options.nonce))) {
    return fail("the timestamp's nonce is not the request's");
  }

  if (signed.signerInfos.length !== 1) return fail('the timestamp token must have exactly one signer');
  const signer = signed.signerInfos[0]!;
  const embedded = (signed.certificates ?? [])
    .map((choice) => choice.certificate)
    .filter((certificate): certificate is Certificate => certificate !== undefined)
    .map((certificate) => bytesOf(AsnConvert.serialize(certificate)));
  const trusted = options.trustedCerts ?? [];
  const candidates = [...trusted, ...embedded];
  const certDer = candidates.find((der) => identifies(signer, der));
  if (certDer === undefined) return fail("the TSA's certificate is neither in the token nor given to the verifier");
  const certificate = AsnConvert.parse(certDer, Certificate);

  // The signed attributes: content type, message digest over the TSTInfo, and the signing certificate.
  const attributes = signer.signedAttrs;
  const rawAttributes = rawSignedAttributes(token);
  if (attributes === undefined || rawAttributes === undefined)
    return fail('the timestamp token has no signed attributes');
  const attribute = (type: string) => attributes.find((item) => item.attrType === type)?.attrValues[0];
  const digestName = digestNames[signer.digestAlgorithm.algorithm];
  if (digestName === undefined || digestName === 'SHA-1')
    return fail("the timestamp's digest algorithm is not accepted");
  const contentType = attribute(oid.contentType);
  if (contentType === undefined || !equalBytes(bytesOf(contentType), oidDer(id_ct_tstInfo))) {
    return fail("the timestamp's signed content type is not TSTInfo");
  }
  const messageDigest = attribute(oid.messageDigest);
  if (
    messageDigest === undefined ||
    !equalBytes(bytesOf(AsnConvert.parse(messageDigest, OctetString).buffer), await digest(digestName, tstBytes))
  ) {
    return fail("the timestamp's signed digest is not that of its TSTInfo: the TSTInfo was changed");
  }
  const essV2 = attribute(oid.signingCertificateV2);
  const essV1 = attribute(oid.signingCertificate);
  const ess = essV2 ?? essV1;
  if (ess === undefined) return fail('the timestamp does not name its signing certificate (RFC 5816/2634)');
  // ESSCertID(v2) holds the certificate's hash (SHA-1 in v1; SHA-256 unless another algorithm is named in v2).
  const certHash = await digest(essV2 === undefined ? 'SHA-1' : essHashName(bytesOf(essV2)), certDer);
  if (!containsOctetString(bytesOf(ess), certHash)) {
    return fail("the timestamp's signing-certificate attribute does not name the TSA's certificate");
  }

  // The signature over DER(SET OF attributes): the [0] IMPLICIT tag of the raw attributes becomes SET (0x31).
  const signedBytes = rawAttributes.slice();
  signedBytes[0] = 0x31;
  const verified = await verifySignature(
    certificate,
    signer.signatureAlgorithm.algorithm,
    digestName,
    bytesOf(signer.signature.buffer),
    signedBytes,
  );
  if (verified === undefined) return fail("the TSA's signature algorithm is not supported by this verifier");
  if (!verified) return fail("the TSA's signature over the timestamp does not verify");

  // The certificate: for timestamping, and valid when the stamp was made.
  const tbs = certificate.tbsCertificate;
  const eku = tbs.extensions?.find((extension) => extension.extnID === id_ce_extKeyUsage);
  const usages = eku === undefined ? [] : [...AsnConvert.parse(eku.extnValue, ExtendedKeyUsage)];
  if (eku === undefined || !eku.critical || usages.length !== 1 || usages[0] !== id_kp_timeStamping) {
    return fail("the TSA's certificate is not (only) for timestamping (extendedKeyUsage=critical,timeStamping)");
  }
  const genTime = tst.genTime.getTime();
  if (genTime < tbs.validity.notBefore.getTime().getTime() || genTime > tbs.validity.notAfter.getTime().getTime()) {
    return fail("the TSA's certificate was not valid at the timestamp's time");
  }
  const fingerprint = toHex(await digest('SHA-256', certDer));
  return {
    ok: true,
    info: {
      time: genTime,
      tsaFingerprint: fingerprint,
      tsaName: nameText(certificate),
      trusted: trusted.some((der) => equalBytes(der, certDer)),
      serial: integerValue(tst.serialNumber),
      policy: tst.policy,
    },
  };
}

/** A DER element at `offset`: its tag, where its content starts and where it ends. */
function element(der: Uint8Array, offset: number): { tag: number; start: number; end: number } {
  const tag = der[offset];
  let length = der[offset + 1];
  if (tag === undefined || length === undefined) throw new Error('truncated DER');
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (der[start + i] ?? 0);
    start += count;
  }
  if (start + length > der.length) throw new Error('truncated DER');
  return { tag, start, end: start + length };
}

function children(
  der: Uint8Array,
  parent: { start: number; end: number },
): { tag: number; offset: number; start: number; end: number }[] {
  const out = [];
  for (let offset = parent.start; offset < parent.end;) {
    const child = element(der, offset);
    out.push({ ...child, offset });
    offset = child.end;
  }
  return out;
}

/**
 * The signer's signed attributes exactly as the TSA encoded them (the signature covers these bytes, so they are
 * not re-encoded): ContentInfo → [0] → SignedData → signerInfos → SignerInfo → [0] signedAttrs.
 */
function rawSignedAttributes(token: Uint8Array): Uint8Array | undefined {
  const contentInfo = element(token, 0);
  const explicit = children(token, contentInfo).find((child) => child.tag === 0xa0);
  if (explicit === undefined) return undefined;
  const signedData = children(token, explicit)[0];
  if (signedData === undefined) return undefined;
  const signerInfos = children(token, signedData).at(-1);
  if (signerInfos === undefined || signerInfos.tag !== 0x31) return undefined;
  const signerInfo = children(token, signerInfos)[0];
  if (signerInfo === undefined) return undefined;
  const attributes = children(token, signerInfo).find((child) => child.tag === 0xa0);
  return attributes === undefined ? undefined : token.slice(attributes.offset, attributes.end);
}

/** eContent given as `any` (an OCTET STRING's full TLV): its content octets. */
function anyOctets(buffer: ArrayBuffer): Uint8Array {
  return bytesOf(AsnConvert.parse(buffer, OctetString).buffer);
}

function oidDer(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const body: number[] = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    let rest = Math.floor(part / 128);
    while (rest > 0) {
      chunk.unshift((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    body.push(...chunk);
  }
  return new Uint8Array([0x06, body.length, ...body]);
}

/** The hash named in SigningCertificateV2's first ESSCertIDv2 (SHA-256 by default). */
function essHashName(value: Uint8Array): string {
  for (const [dotted, name] of Object.entries(digestNames)) {
    if (dotted !== oid.sha256 && indexOf(value, oidDer(dotted)) >= 0) return name;
  }
  return 'SHA-256';
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function containsOctetString(value: Uint8Array, hash: Uint8Array): boolean {
  return indexOf(value, concatBytes(new Uint8Array([0x04, hash.length]), hash)) >= 0;
}

/** Whether the signer identifier names this certificate (issuer and serial, or subject key identifier). */
function identifies(signer: SignerInfo, certDer: Uint8Array): boolean {
  const certificate = AsnConvert.parse(certDer, Certificate);
  const tbs = certificate.tbsCertificate;
  const byIssuer = signer.sid.issuerAndSerialNumber;
  if (byIssuer !== undefined) {
    return (
      integerValue(byIssuer.serialNumber) === integerValue(tbs.serialNumber) &&
      equalBytes(bytesOf(AsnConvert.serialize(byIssuer.issuer)), bytesOf(AsnConvert.serialize(tbs.issuer)))
    );
  }
  const byKey = signer.sid.subjectKeyIdentifier;
  const ski = tbs.extensions?.find((extension) => extension.extnID === id_ce_subjectKeyIdentifier);
  if (byKey === undefined || ski === undefined) return false;
  return equalBytes(bytesOf(AsnConvert.parse(ski.extnValue, SubjectKeyIdentifier).buffer), bytesOf(byKey.buffer));
}

function nameText(certificate: Certificate): string {
  const names: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.6': 'C', '2.5.4.11': 'OU' };
  return certificate.tbsCertificate.subject
    .flatMap((set) => [...set])
    .map((item) => `${names[item.type] ?? item.type}=${item.value.toString()}`)
    .join(', ');
}

async function verifySignature(
  certificate: Certificate,
  algorithm: string,
  digestName: string,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean | undefined> {
  const spkiInfo = certificate.tbsCertificate.subjectPublicKeyInfo;
  const spki = bytesOf(AsnConvert.serialize(spkiInfo));
  const keyAlgorithm = spkiInfo.algorithm.algorithm;
  const rsaHashes: Record<string, string> = {
    [oid.rsaEncryption]: digestName,
    [oid.sha256WithRSA]: 'SHA-256',
    [oid.sha384WithRSA]: 'SHA-384',
    [oid.sha512WithRSA]: 'SHA-512',
  };
  const ecdsaHashes: Record<string, string> = {
    [oid.ecdsaWithSHA256]: 'SHA-256',
    [oid.ecdsaWithSHA384]: 'SHA-384',
    [oid.ecdsaWithSHA512]: 'SHA-512',
  };
  const key = spki as Uint8Array<ArrayBuffer>;
  const body = data as Uint8Array<ArrayBuffer>;
  if (keyAlgorithm === oid.rsaEncryption && rsaHashes[algorithm] !== undefined) {
    const imported = await subtle().importKey(
      'spki',
      key,
      { name: 'RSASSA-PKCS1-v1_5', hash: rsaHashes[algorithm] },
      false,
      ['verify'],
    );
    return subtle().verify('RSASSA-PKCS1-v1_5', imported, signature as Uint8Array<ArrayBuffer>, body);
  }
  if (keyAlgorithm === oid.ecPublicKey && ecdsaHashes[algorithm] !== undefined) {
    const parameters = spkiInfo.algorithm.parameters;
    const curve =
      parameters === null || parameters === undefined
        ? undefined
        : equalBytes(bytesOf(parameters), oidDer(oid.p256))
          ? { name: 'P-256', size: 32 }
          : equalBytes(bytesOf(parameters), oidDer(oid.p384))
            ? { name: 'P-384', size: 48 }
            : undefined;
    if (curve === undefined) return undefined;
    const raw = ecdsaRaw(signature, curve.size);
    if (raw === undefined) return false;
    const imported = await subtle().importKey('spki', key, { name: 'ECDSA', namedCurve: curve.name }, false, [
      'verify',
    ]);
    return subtle().verify(
      { name: 'ECDSA', hash: ecdsaHashes[algorithm] },
      imported,
      raw as Uint8Array<ArrayBuffer>,
      body,
    );
  }
  return undefined;
}

/** An ECDSA signature from DER SEQUENCE { r INTEGER, s INTEGER } to WebCrypto's r ‖ s. */
function ecdsaRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  if (der[0] !== 0x30) return undefined;
  let position = der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) : 2;
  const out = new Uint8Array(size * 2);
  for (let part = 0; part < 2; part += 1) {
    if (der[position] !== 0x02) return undefined;
    const length = der[position + 1]!;
    let value = der.subarray(position + 2, position + 2 + length);
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) return undefined;
    out.set(value, part * size + size - value.length);
    position += 2 + length;
  }
  return out;
}
