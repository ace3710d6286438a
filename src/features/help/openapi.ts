import { organisationKinds } from './organisation.schema.js';

/** The OpenAPI 3 description of the public JSON API, served at /api/openapi.json. */
const organisation = {
  type: 'object',
  required: ['slug', 'name', 'kind', 'description', 'interpreter', 'area', 'source', 'checkedOn', 'verified'],
  properties: {
    slug: { type: 'string', example: 'veilig-thuis' },
    name: { type: 'string', example: 'Veilig Thuis' },
    kind: { type: 'string', enum: [...organisationKinds] },
    description: { type: 'string', description: 'What they do for a parent, in the language of the request.' },
    phone: { type: 'string', nullable: true, example: '0800-2000' },
    web: { type: 'string', format: 'uri', nullable: true },
    chat: { type: 'string', format: 'uri', nullable: true },
    email: { type: 'string', format: 'email', nullable: true },
    interpreter: {
      type: 'object',
      nullable: true,
      description:
        'Whether an interpreter can be arranged, where a source says so: {"arranged": true, "languages": ["ar"], "source": {…}}; null when not known (not known is not "no").',
    },
    openNow: {
      type: 'boolean',
      nullable: true,
      description: 'Open at the time of the request, in Europe/Amsterdam time; null when the hours are not known.',
    },
    hours: {
      type: 'object',
      nullable: true,
      description:
        '{"always": true} for 24/7 lines, or {"always": false, "weekly": {"mon": [["09:00","17:00"]], …}, "exceptions": [{"date": "2026-12-25", "hours": []}]} in local time.',
    },
    chatHours: { type: 'object', nullable: true },
    chatOpenNow: { type: 'boolean', nullable: true },
    area: {
      type: 'object',
      description:
        'The area served: national, or a list of provinces, veiligheidsregio’s, police units or municipalities.',
      properties: {
        type: { type: 'string', enum: ['national', 'province', 'veiligheidsregio', 'police-unit', 'municipalities'] },
      },
    },
    source: {
      type: 'object',
      description:
        'Where the details were taken from. Until checkedOn is set, nobody has checked them on the organisation’s own site since the source’s date.',
      required: ['publisher', 'title', 'url', 'date'],
      properties: {
        publisher: { type: 'string', example: 'Politie' },
        title: { type: 'string', nullable: true, example: 'Voor professionals over seksueel misbruik' },
        url: { type: 'string', format: 'uri', nullable: true },
        date: {
          type: 'string',
          pattern: '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$',
          description:
            'The source’s date: a year (2020) for a dated article or report, or the day an undated web page was read.',
          example: '2026-11-28',
        },
      },
    },
    checkedOn: {
      type: 'string',
      format: 'date',
      nullable: true,
      description: 'The day someone checked these details on the organisation’s own site; null when nobody has.',
    },
    verified: {
      type: 'boolean',
      description:
        'Approved for the public (entries that are not are shown to admins only). Not a check of the organisation’s own site: see checkedOn.',
    },
  },
} as const;

const place = {
  type: 'object',
  properties: {
    code: { type: 'string', example: 'GM0014' },
    name: { type: 'string', example: 'Groningen' },
    province: { type: 'string', example: 'Groningen' },
    veiligheidsregio: {
      type: 'object',
      properties: { code: { type: 'string', example: 'VR01' }, name: { type: 'string', example: 'Groningen' } },
    },
    politieEenheid: { type: 'string', example: 'Noord-Nederland' },
  },
} as const;

const problem = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
  },
} as const;

export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Niet mijn kind — help finder API',
    version: '1.1.0',
    description:
      'Who can help a parent in the Netherlands whose child is, or may be, sexually exploited, by postcode or municipality. ' +
      'Emergency: always 112. Reference data: CBS (CC BY 4.0) and GeoNames (CC BY 4.0). No cross-origin use (no CORS headers).',
    license: { name: 'EUPL-1.2' },
  },
  paths: {
    '/api/v1/help': {
      get: {
        summary: 'Organisations that help for a postcode or municipality',
        description:
          'Give exactly one of postcode or gemeente. A postcode spanning several municipalities answers match "choose" with the choices; ' +
          'an unknown place answers match "none" with suggestions and the national lines. Texts follow Accept-Language (nl or en).',
        parameters: [
          {
            name: 'postcode',
            in: 'query',
            schema: { type: 'string', pattern: '^\\s*[1-9][0-9]{3}\\s*([a-zA-Z]{2})?\\s*$', example: '9711' },
            description: 'A 4-digit postcode, optionally with its 2 letters ("9711", "9711 AB", "9711ab").',
          },
          {
            name: 'gemeente',
            in: 'query',
            schema: { type: 'string', maxLength: 100, example: 'Groningen' },
            description: 'A municipality name (common names such as "Den Haag" work too) or its CBS code (GM0014).',
          },
          {
            name: 'Accept-Language',
            in: 'header',
            schema: { type: 'string', example: 'en' },
            description: 'nl (default) or en, for descriptions.',
          },
        ],
        responses: {
          '200': {
            description: 'The help for this place (or a choice, or the national lines).',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['match', 'place', 'choices', 'emergency', 'local', 'national'],
                  properties: {
                    match: { type: 'string', enum: ['found', 'choose', 'none'] },
                    place: { ...place, nullable: true },
                    choices: { type: 'array', items: place },
                    emergency: { type: 'array', items: organisation },
                    local: { type: 'array', items: organisation, description: 'Who serves this place.' },
                    national: { type: 'array', items: organisation },
                  },
                },
              },
            },
          },
          '400': {
            description: 'Missing, repeated or malformed parameter.',
            content: { 'application/problem+json': { schema: problem } },
          },
          '429': { description: 'Too many requests.', content: { 'application/problem+json': { schema: problem } } },
        },
      },
    },
  },
} as const;
