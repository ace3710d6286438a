import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Pages } from '../../app.js';
import { can } from '../../policies.js';
import type { CurrentSession } from '../../shared/auth/session.js';
import { NotFound } from '../../shared/errors.js';
import type { FieldError } from '../../shared/errors.js';
import { type FormValues, formValues } from '../../shared/http/forms.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { trailOf } from '../audit/audit.service.js';
import { USERNAME_MAX } from './accounts.schema.js';
import { trustedPersonSecrets } from './trusted-person.schema.js';
import type { TrustedPersonService } from './trusted-person.service.js';
import {
  OfferCodePage,
  TrustedPersonAccountNotice,
  TrustedPersonPage,
  TrustedRecoveryCodePage,
} from './views/trusted-person.views.js';

type Form = Record<string, unknown>;

/**
 * A trusted person as a way back in (ADR 0049): /account/vertrouwenspersoon and its forms. Thin: parse, call the
 * service (which authorizes before any change), render or redirect. Every page works without JavaScript; the keys
 * are opened on the server in the request, from the session's key ring, as the journal does.
 */
export function registerTrustedPersonRoutes(app: FastifyInstance, pages: Pages, service: TrustedPersonService): void {
  const requireSession = (request: FastifyRequest): CurrentSession => {
    if (request.session === null) throw new NotFound('not signed in');
    return request.session;
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: CurrentSession,
    extra: {
      problems?: FieldError[];
      values?: FormValues;
      codeProblem?: { ownerId: string; messageKey: MessageKey };
    } = {},
    status = 200,
  ) => {
    const overview = await service.overview(session);
    return reply.html(
      <TrustedPersonPage
        ctx={pages.contextOf(request, reply)}
        mine={overview.mine}
        trustedBy={overview.trustedBy}
        offerExpiresAt={overview.offerExpiresAt}
        {...extra}
      />,
      status,
    );
  };

  app.get('/account/vertrouwenspersoon', (request, reply) => page(request, reply, requireSession(request)));

  app.post('/account/vertrouwenspersoon/code', async (request, reply) => {
    const session = requireSession(request);
    const offer = await service.makeOffer(session, trailOf(request));
    return reply.html(
      <OfferCodePage ctx={pages.contextOf(request, reply)} code={offer.code} username={session.username} />,
    );
  });

  app.post<{ Body: Form }>('/account/vertrouwenspersoon/kiezen', async (request, reply) => {
    const session = requireSession(request);
    const result = await service.name(session, request.body ?? {}, request.ip, trailOf(request));
    if (result.ok) return reply.redirect('/account/vertrouwenspersoon', 303);
    const values = formValues(request.body, { secrets: trustedPersonSecrets, keep: USERNAME_MAX });
    return page(request, reply, session, { problems: result.problems, values }, result.status);
  });

  app.post('/account/vertrouwenspersoon/verwijderen', async (request, reply) => {
    await service.remove(requireSession(request), trailOf(request));
    return reply.redirect('/account/vertrouwenspersoon', 303);
  });

  app.post('/account/vertrouwenspersoon/vernieuwen', async (request, reply) => {
    await service.renew(requireSession(request), trailOf(request));
    return reply.redirect('/account/vertrouwenspersoon', 303);
  });

  app.post('/account/vertrouwenspersoon/weigeren', async (request, reply) => {
    await service.refuse(requireSession(request), trailOf(request));
    return reply.redirect('/account/vertrouwenspersoon', 303);
  });

  app.post<{ Body: Form }>('/account/vertrouwenspersoon/vragen', async (request, reply) => {
    await service.request(requireSession(request), request.body ?? {}, trailOf(request));
    return reply.redirect('/account/vertrouwenspersoon', 303);
  });

  app.post<{ Body: Form }>('/account/vertrouwenspersoon/herstelcode', async (request, reply) => {
    const session = requireSession(request);
    const result = await service.makeRecoveryCode(session, request.body ?? {}, request.ip, trailOf(request));
    if (result.ok) {
      return reply.html(
        <TrustedRecoveryCodePage
          ctx={pages.contextOf(request, reply)}
          code={result.code}
          owner={result.ownerUsername}
        />,
      );
    }
    const ownerId = String((request.body ?? {}).eigenaar);
    const messageKey: MessageKey =
      result.problem === 'throttled'
        ? 'account.passphrase.throttled'
        : result.problem === 'wrong'
          ? 'trustedPerson.trustedBy.wrong'
          : 'trustedPerson.trustedBy.refusedNow';
    const status = result.problem === 'throttled' ? 429 : result.problem === 'wrong' ? 400 : 409;
    return page(request, reply, session, { codeProblem: { ownerId, messageKey } }, status);
  });
}

/** The account page's part: a notice while a request waits for the owner's answer (parents only). */
export function trustedPersonAccountSection(pages: Pages, service: TrustedPersonService) {
  return async (request: FastifyRequest, reply: FastifyReply, session: CurrentSession): Promise<VNode | null> => {
    if (!can(request.actor, 'trustedPersonPage', 'view', { userId: session.userId })) return null;
    const { mine } = await service.overview(session);
    const waiting = mine?.state === 'waiting' || mine?.state === 'granted';
    return <TrustedPersonAccountNotice ctx={pages.contextOf(request, reply)} waiting={waiting} />;
  };
}
