import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../src/shared/paths.js';
import { productionNodeFlags } from './helpers/app-process.js';

test('the systemd unit and the Containerfile start the server with the same Node flags, which the benchmarks use', () => {
  const flags = productionNodeFlags();
  assert.ok(flags.includes('--max-semi-space-size=1'), 'ADR 0051');
  const containerfile = readFileSync(path.join(projectRoot, 'deploy', 'Containerfile'), 'utf8');
  const cmd = /^CMD (\[.*\])\s*$/m.exec(containerfile)?.[1];
  assert.ok(cmd !== undefined, 'the Containerfile has a CMD');
  assert.deepEqual(JSON.parse(cmd), ['node', ...flags, 'dist/src/server.js']);
});
