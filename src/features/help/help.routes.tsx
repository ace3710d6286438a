import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { BadRequest } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/i18n.js';
import type { HelpResult, HelpService, ShownOrganisation } from './help.service.js';
import { openApiDocument } from './openapi.js';
import { HelpPage } from './views/help.view.js';

interface HelpQuery {
  plaats?: unknown;
  postcode?: unknown;
  gemeente?: unknown;
}

/** The one text field may arrive as plaats (the form), postcode or gemeente (links and bookmarks). */
function queryText(query: HelpQuery): { text: string | undefined; byCode: boolean } | 'repeated' {
  for (const name of ['plaats', 'postcode', 'gemeente'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') return 'repeated';
    return { text: value, byCode: name === 'gemeente' && /^GM\d{4}$/.test(value.trim()) };
  }
  return { text: undefined, byCode: false };
}

function organisationJson(shown: ShownOrganisation, locale: Locale) {
  const { organisation, state, chatState } = shown;
  return {
    slug: organisation.slug,
    name: organisation.name,
    kind: organisation.kind,
    description: organisation.description[locale],
    phone: organisation.phone ?? null,
    web: organisation.web ?? null,
    chat: organisation.chat ?? null,
    email: organisation.email ?? null,
    interpreter: organisation.interpreter ?? null,
    openNow: state === undefined ? null : state.open,
    hours: organisation.hours ?? null,
    chatHours: organisation.chatHours ?? null,
    chatOpenNow: chatState === undefined ? null : chatState.open,
    area: organisation.area,
    source: {
      publisher: organisation.source.publisher,
      title: organisation.source.title ?? null,
      url: organisation.source.url ?? null,
      date: organisation.source.date,
    },
    checkedOn: organisation.checkedOn ?? null,
    verified: organisation.verified,
  };
}

function resultJson(result: HelpResult, locale: Locale) {
  const sections = result.kind === 'found' ? result.sections : result.national;
  const list = (items: ShownOrganisation[]) => items.map((shown) => organisationJson(shown, locale));
  const placeJson = (place: {
    code: string;
    name: string;
    provinceName: string;
    safetyRegionCode: string;
    safetyRegionName: string;
    policeUnit: string;
  }) => ({
    code: place.code,
    name: place.name,
    province: place.provinceName,
    veiligheidsregio: { code: place.safetyRegionCode, name: place.safetyRegionName },
    politieEenheid: place.policeUnit,
  });
  return {
    match: result.kind === 'found' ? 'found' : result.kind === 'choose' ? 'choose' : 'none',
    place: result.kind === 'found' ? placeJson(result.place) : null,
    choices:
      result.kind === 'choose'
        ? result.places.map(placeJson)
        : result.kind === 'unknown'
          ? result.suggestions.map(placeJson)
          : [],
    emergency: list(sections.emergency),
    local: list(sections.local),
    national: list(sections.national),
  };
}

export function registerHelpRoutes(app: FastifyInstance, pages: Pages, help: HelpService): void {
  app.get<{ Querystring: HelpQuery }>('/hulp', async (request, reply) => {
    const parsed = queryText(request.query);
    if (parsed === 'repeated') throw new BadRequest('a search field was sent more than once');
    const result =
      parsed.byCode && parsed.text !== undefined
        ? await help.lookupByCode(request.actor, parsed.text.trim())
        : await help.lookup(request.actor, parsed.text);
    const query = result.kind === 'found' && parsed.byCode ? result.place.name : (parsed.text ?? '').slice(0, 100);
    const names = await help.municipalityNames();
    const view = () => (
      <HelpPage ctx={pages.contextOf(request, reply)} result={result} query={query} municipalityNames={names} />
    );
    if (result.kind === 'invalid') return reply.html(view(), 400);
    // Tells the service worker this page is a result worth keeping for offline use (not a form or an error).
    if (result.kind === 'found') reply.header('x-help-result', 'found');
    // A found place looks the same for everyone asking the same URL (opening states refresh with the cache).
    if (result.kind !== 'found' && result.kind !== 'empty') return reply.html(view());
    const key = request.url;
    // The same URL finds the same place: later anonymous requests for it are answered from the page cache
    // before this route runs, and counted there as this lookup was.
    const { place } = result.kind === 'found' ? result : {};
    return pages.cache.page(
      request,
      reply,
      (ctx) => <HelpPage ctx={ctx} result={result} query={query} municipalityNames={names} />,
      place === undefined ? { key } : { key, early: () => help.countFound(place) },
    );
  });

  // Help looked up from a check's result page (issue 18): posted, so that the advice level is never in an address
  // or the browser's history; counted by day, level and region (help.service.ts), then on to the usual results.
  app.post<{ Body: unknown }>('/hulp/na-check', async (request, reply) => {
    const answer = await help.lookUpFromCheck(request.actor, request.body);
    if (answer.kind === 'bad-level') throw new BadRequest('the advice level of the check is missing or unknown');
    if (answer.kind === 'invalid') {
      const names = await help.municipalityNames();
      return reply.html(
        <HelpPage
          ctx={pages.contextOf(request, reply)}
          result={answer.result}
          query={answer.query}
          municipalityNames={names}
        />,
        400,
      );
    }
    return reply.header('cache-control', 'no-store').redirect(answer.location, 303);
  });

  app.get<{ Querystring: HelpQuery }>('/api/v1/help', async (request, reply) => {
    const { postcode, gemeente } = request.query;
    if ((postcode === undefined) === (gemeente === undefined)) {
      throw new BadRequest('Give exactly one of the parameters postcode or gemeente.');
    }
    const text = postcode ?? gemeente;
    if (typeof text !== 'string' || text.length > 100)
      throw new BadRequest('Give the parameter once, at most 100 characters.');
    if (postcode !== undefined && !/^\s*[1-9]\d{3}\s*([a-zA-Z]{2})?\s*$/.test(text)) {
      throw new BadRequest('postcode must be 4 digits, optionally followed by 2 letters (e.g. 9711 or 9711 AB).');
    }
    const byCode = gemeente !== undefined && /^GM\d{4}$/.test(text.trim());
    const result = byCode
      ? await help.lookupByCode(request.actor, text.trim())
      : await help.lookup(request.actor, text);
    if (result.kind === 'invalid' || result.kind === 'empty') {
      throw new BadRequest(
        'gemeente must be the name of a Dutch municipality or its CBS code (e.g. Groningen or GM0014).',
      );
    }
    return reply.type('application/json; charset=utf-8').send(resultJson(result, request.locale));
  });

  app.get('/api/openapi.json', (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(openApiDocument),
  );
}
