import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { catalogues } from '../../messages.js';
import { trustedLogKeys, type LogPublicKey } from '../../shared/evidence/pinned-log-keys.js';
import { sendHtml } from '../../shared/http/request-context.js';
import { baseSecurityHeaders } from '../../shared/http/security-headers.js';
import { verifierClientScript } from './verify.bundle.js';
import { clientMessageKeys, VerifyPage } from './verify.view.js';

export interface VerifyRouteOptions {
  /** The app's own configured log key(s), trusted besides the pinned list. */
  logPublicKeys: readonly LogPublicKey[];
  /** The configured TSA's certificate (DER), trusted for the global roots' timestamps (ADR 0043). */
  tsaCerts?: readonly Uint8Array[];
}

// The one page that runs the verifier: it may never send anything anywhere, so no connections at all.
const verifyCsp = baseSecurityHeaders['content-security-policy']!.replace("connect-src 'self'", "connect-src 'none'");

/** /verifieer (the offline verifier page) and its bundled script. */
export function registerVerifyRoutes(app: FastifyInstance, pages: Pages, options: VerifyRouteOptions): void {
  const logKeys = trustedLogKeys(options.logPublicKeys);
  const tsaCerts = (options.tsaCerts ?? []).map((der) => Buffer.from(der).toString('base64'));

  app.get('/verifieer', async (request, reply) => {
    const script = await verifierClientScript();
    const ctx = pages.contextOf(request, reply);
    const catalogue = catalogues[ctx.locale];
    const messages = Object.fromEntries(clientMessageKeys.map((key) => [key, catalogue[key]]));
    reply.header('content-security-policy', verifyCsp);
    return sendHtml(
      reply,
      <VerifyPage
        ctx={ctx}
        scriptUrl={`/verifieer/verifier.${script.hash}.js`}
        messages={messages}
        logKeys={logKeys}
        tsaCerts={tsaCerts}
      />,
      200,
    );
  });

  app.get<{ Params: { file: string } }>('/verifieer/:file', async (request, reply) => {
    const script = await verifierClientScript();
    if (request.params.file !== `verifier.${script.hash}.js`) return reply.callNotFound();
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(script.source);
  });
}
