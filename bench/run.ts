// `npm run bench`: the page/help benchmark, then the account costs, the attachment costs and the verifier, each in its own
// process with the same arguments (--check, --profile); exits non-zero if any does.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
let status = 0;
for (const file of [
  'bench/pages.bench.ts',
  'bench/accounts.bench.ts',
  'bench/attachments.bench.ts',
  'bench/verify.bench.ts',
]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit' });
  status = Math.max(status, result.status ?? 1);
}
process.exit(status);
