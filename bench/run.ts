// `npm run bench`: every bench/*.bench.ts (pages first, then the others in name order), each in its own
// process with the same arguments (--check, --profile); exits non-zero if any does. BENCH_FILES=journal,pdf
// runs only the named ones.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const only = process.env.BENCH_FILES?.split(',').map((name) => name.trim());
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts') && name !== 'help-lookup.bench.ts')
  .sort((a, b) => (a === 'pages.bench.ts' ? -1 : b === 'pages.bench.ts' ? 1 : a.localeCompare(b)))
  .filter((name) => only === undefined || only.includes(name.replace('.bench.ts', '')));
let status = 0;
let built = false;
for (const file of files) {
  // pages and cluster measure the built app (dist/) and build it first; once is enough for one run.
  const fileArgs = built && !args.includes('--no-build') ? [...args, '--no-build'] : args;
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`, ...fileArgs], { stdio: 'inherit' });
  if (file === 'pages.bench.ts' || file === 'cluster.bench.ts') built = true;
  status = Math.max(status, result.status ?? 1);
}
process.exit(status);
