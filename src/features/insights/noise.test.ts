import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addNoise, laplaceAt, noiseKey, noisyCount, uniformFor } from './noise.js';
import { minimumCount } from './suppression.js';

const pepper = new Uint8Array(32).fill(7);
const key = noiseKey(pepper);

describe('Laplace noise on published figures (ADR 0052)', () => {
  test('a figure has one noisy value: the same on every request, instance and restart (same pepper)', () => {
    const options = { epsilon: 0.5, key };
    const again = { epsilon: 0.5, key: noiseKey(new Uint8Array(32).fill(7)) };
    for (let index = 0; index < 200; index += 1) {
      const label = `2026-W37/checks/2026-W40/ask-advice/${index}`;
      assert.equal(noisyCount(120, label, options), noisyCount(120, label, again));
    }
  });

  test('without the key the noise cannot be predicted: another pepper gives other values', () => {
    const other = { epsilon: 0.5, key: noiseKey(randomBytes(32)) };
    const options = { epsilon: 0.5, key };
    let differ = 0;
    for (let index = 0; index < 200; index += 1) {
      const label = `period/figure/${index}`;
      if (noisyCount(1000, label, options) !== noisyCount(1000, label, other)) differ += 1;
    }
    // With scale 2, two independent draws round to the same integer about one time in six.
    assert.ok(differ > 120, `${differ} of 200 differ`);
  });

  test('the noise follows Laplace(1/ε): centred, mean distance 1/ε, and the tail the formula gives', () => {
    for (const epsilon of [0.25, 1, 2]) {
      const scale = 1 / epsilon;
      const draws = Array.from({ length: 20_000 }, (_, index) => laplaceAt(uniformFor(key, `draw/${index}`), scale));
      const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
      const meanDistance = draws.reduce((sum, value) => sum + Math.abs(value), 0) / draws.length;
      const beyond = draws.filter((value) => Math.abs(value) > scale * Math.log(20)).length / draws.length;
      // Standard deviation of the mean: scale·√2/√n ≈ 0.01·scale; allow five of them.
      assert.ok(Math.abs(mean) < 0.05 * scale, `mean ${mean} for ε ${epsilon}`);
      assert.ok(Math.abs(meanDistance / scale - 1) < 0.04, `mean distance ${meanDistance} for ε ${epsilon}`);
      // P(|X| > b·ln 20) = 1/20.
      assert.ok(Math.abs(beyond - 0.05) < 0.008, `tail ${beyond} for ε ${epsilon}`);
    }
  });

  test('the Laplace quantile function is odd around the median and grows with u', () => {
    fc.assert(
      fc.property(
        // Away from the ends, where 1 − u itself rounds (the noise never sees u closer to 0 or 1 than 2⁻⁵⁴).
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (u, scale) => {
          const value = laplaceAt(u, scale);
          assert.ok(Number.isFinite(value));
          assert.ok(Math.abs(value + laplaceAt(1 - u, scale)) <= 1e-6 * Math.max(1, Math.abs(value)));
          if (u < 0.5) assert.ok(value <= 0);
          if (u > 0.5) assert.ok(value >= 0);
        },
      ),
    );
  });

  test('a published figure is a whole number and never below the smallest count shown', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: minimumCount, max: 1_000_000 }),
        fc.string(),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (count, label, epsilon) => {
          const published = noisyCount(count, label, { epsilon, key });
          assert.ok(Number.isInteger(published));
          assert.ok(published >= minimumCount);
        },
      ),
    );
  });

  test('withheld figures stay withheld; without ε the figures are published as counted', () => {
    const shown = new Map([
      ['checks/total/total', 140],
      ['checks/2026-W40/total', 30],
    ]);
    assert.deepEqual(addNoise(shown, '2026-W37', undefined), shown);
    const noisy = addNoise(shown, '2026-W37', { epsilon: 1, key });
    assert.deepEqual([...noisy.keys()], [...shown.keys()]);
    assert.equal(noisy.has('checks/2026-W41/total'), false);
    // Labelled by period: the same figure in another block has its own noise.
    const labels = Array.from({ length: 50 }, (_, index) => `2026-W${index}`);
    const values = new Set(
      labels.map((period) => addNoise(shown, period, { epsilon: 0.2, key }).get('checks/total/total')),
    );
    assert.ok(values.size > 5);
  });
});
