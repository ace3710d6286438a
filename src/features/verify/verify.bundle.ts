import { createHash } from 'node:crypto';
import path from 'node:path';
import { projectRoot } from '../../shared/paths.js';

/*
 * The client script of /verifieer is bundled from the same verify.ts the CLI runs, with esbuild, in memory, once
 * per process and only when the page is first asked for (so start-up and other pages pay nothing). It is also
 * read from src/ when running from dist/, like the service worker.
 */

export interface ClientScript {
  source: string;
  /** Content hash, for a URL that can be cached forever. */
  hash: string;
}

let pending: Promise<ClientScript> | undefined;

export function verifierClientScript(): Promise<ClientScript> {
  pending ??= (async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [path.join(projectRoot, 'src/features/verify/verify.client.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ['chrome120', 'firefox128', 'safari17'],
      minify: true,
      legalComments: 'eof',
      logLevel: 'silent',
    });
    const source = result.outputFiles[0]?.text ?? '';
    return { source, hash: createHash('sha256').update(source).digest('hex').slice(0, 12) };
  })();
  pending.catch(() => (pending = undefined));
  return pending;
}
