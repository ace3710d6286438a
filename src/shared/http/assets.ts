import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import Negotiator from 'negotiator';
import type { AssetUrls } from '../views/context.js';

interface Asset {
  contentType: string;
  identity: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const compressible = new Set(['.css', '.js', '.svg']);

/** negotiator 1.x takes a tie-break order; its published types predate that option. */
interface EncodingNegotiator {
  encoding(available: string[], options: { preferred: string[] }): string | undefined;
}

export interface AssetCatalogue {
  urls: AssetUrls;
  /** Fingerprinted file name → asset, for the /assets/ route. */
  files: Map<string, Asset>;
  /** Original file name → fingerprinted URL. */
  urlOf(name: string): string;
}

/**
 * Reads src/assets once at start-up, names each file by its content hash (so it can be cached forever) and
 * compresses text files with brotli and gzip ahead of time, so requests never compress.
 */
export function loadAssets(directory: string): AssetCatalogue {
  const files = new Map<string, Asset>();
  const urlByName = new Map<string, string>();
  for (const name of readdirSync(directory).sort()) {
    const extension = path.extname(name);
    const contentType = contentTypes[extension];
    if (contentType === undefined) continue;
    const identity = readFileSync(path.join(directory, name));
    const hash = createHash('sha256').update(identity).digest('hex').slice(0, 12);
    const fingerprinted = `${path.basename(name, extension)}.${hash}${extension}`;
    const asset: Asset = { contentType, identity };
    if (compressible.has(extension)) {
      asset.gzip = gzipSync(identity, { level: 9 });
      asset.br = brotliCompressSync(identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
      });
    }
    files.set(fingerprinted, asset);
    urlByName.set(name, `/assets/${fingerprinted}`);
  }
  const urlOf = (name: string): string => {
    const url = urlByName.get(name);
    if (url === undefined) throw new Error(`Missing asset ${name} in ${directory}`);
    return url;
  };
  return {
    files,
    urlOf,
    urls: {
      css: urlOf('app.css'),
      js: urlOf('app.js'),
      passkeyJs: urlOf('passkey.js'),
      iconSvg: urlOf('icon.svg'),
      iconPng192: urlOf('icon-192.png'),
      appleTouchIcon: urlOf('apple-touch-icon.png'),
    },
  };
}

/** Serves fingerprinted assets from memory: immutable caching, the best precompressed encoding the client takes. */
export function registerAssetRoutes(app: FastifyInstance, assets: AssetCatalogue): void {
  app.get<{ Params: { file: string } }>('/assets/:file', (request, reply) => {
    const asset = assets.files.get(request.params.file);
    if (asset === undefined) return reply.callNotFound();
    const available = [...(asset.br ? ['br'] : []), ...(asset.gzip ? ['gzip'] : []), 'identity'];
    // Where the browser likes several equally, the smallest wins: brotli, then gzip.
    const negotiator = new Negotiator({ headers: request.headers }) as unknown as EncodingNegotiator;
    const encoding = negotiator.encoding(available, { preferred: available }) ?? 'identity';
    const body = encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.identity;
    reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'Accept-Encoding');
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(body ?? asset.identity);
  });
}
