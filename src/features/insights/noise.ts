import { createHmac, hkdfSync } from 'node:crypto';
import { minimumCount } from './suppression.js';

/*
 * Optional Laplace noise on the published insights (issue 18 point 3, ADR 0052). Disclosure control
 * (suppression.ts) decides which figures are shown; when an ε is configured, each shown figure is then published
 * as round(count + Laplace(1/ε)), never below the smallest count shown (10).
 *
 * The noise of a figure is fixed: it is drawn from an HMAC of the figure's name and its period under a key derived
 * from the server pepper, so every instance, every request and every restart publishes the same noisy value. Fresh
 * noise per request would let anyone average it away by asking often.
 */

export interface NoiseOptions {
  /** ε of each published figure: the scale of the noise is 1/ε. */
  epsilon: number;
  /** The noise key (noiseKey): figures' noise cannot be predicted, or removed, without it. */
  key: Uint8Array;
}

/** The noise key, derived from the server pepper with HKDF-SHA256 for this one use. */
export function noiseKey(pepper: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', pepper, new Uint8Array(0), 'nmk/insights-noise/v1', 32));
}

/** A uniform number in the open interval (0, 1), fixed by key and label: 53 bits of HMAC-SHA256, centred. */
export function uniformFor(key: Uint8Array, label: string): number {
  const digest = createHmac('sha256', key).update(label, 'utf8').digest();
  const bits = digest.readBigUInt64BE(0) >> 11n; // 53 bits: exactly representable
  return (Number(bits) + 0.5) / 2 ** 53;
}

/** The Laplace(0, scale) value at quantile u ∈ (0, 1) (the inverse of its distribution function). */
export function laplaceAt(u: number, scale: number): number {
  const centred = u - 0.5;
  return -scale * Math.sign(centred) * Math.log(1 - 2 * Math.abs(centred));
}

/**
 * One figure's published value: round(count + Laplace(1/ε)), at least the smallest count disclosure control shows
 * (minimumCount): noise never makes a figure look smaller than that.
 */
export function noisyCount(count: number, label: string, options: NoiseOptions): number {
  const noise = laplaceAt(uniformFor(options.key, label), 1 / options.epsilon);
  return Math.max(minimumCount, Math.round(count + noise));
}

/**
 * The shown figures with noise added, each under its label `<period>/<figure id>`. A figure shown in two tables
 * (a total both tables share) has one id, so it carries one noisy value everywhere it appears.
 */
export function addNoise(
  shown: ReadonlyMap<string, number>,
  period: string,
  options: NoiseOptions | undefined,
): Map<string, number> {
  if (options === undefined) return new Map(shown);
  return new Map([...shown].map(([id, count]) => [id, noisyCount(count, `${period}/${id}`, options)]));
}
