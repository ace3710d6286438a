import type { Translation } from '../../shared/i18n/messages.js';

/** The CMS's pathway versions (national and regional) and the regional variants on the public page. */
const nl = {
  'pathwayKind.problem.field': 'Veld {field}: {problem}',
  'pathwayKind.problem.json': 'De tekst is geen geldige JSON: {problem}',
  'pathwayKind.problem.shape': 'Opbouw: {problem}',
  'pathwayKind.problem.key': 'Een traject is landelijk of van één veiligheidsregio (region:VR01 tot en met VR25).',
  'pathwayKind.problem.region':
    'Het veld "region" past niet bij {key}: laat het weg voor het landelijke traject, of zet de code van de regio erin.',
  'pathwayKind.problem.versionTaken':
    'Versie {version} bestaat al (landelijk of in een regio). Gebruik versie {next}: elk nummer hoort bij één traject.',
  'pathwayKind.title.national': 'Traject, landelijk, versie {version}',
  'pathwayKind.title.region': 'Traject, regio {region}, versie {version}',
  'pathwayKind.field.version': 'Versie en datum',
  'pathwayKind.field.track': 'Spoor {track}',
  'pathwayKind.field.step': 'Stap {track} / {step}',
  'pathwayKind.field.sources': 'Bronnen van spoor {track}',
  'pathwayKind.form.intro':
    'Het traject staat hier als JSON, zoals in content/pathway/. Bij indienen controleert de site de vorm: elke stap is bereikbaar en elk spoor kan eindigen. Uitleg van de velden: content/pathway/README.md.',
  'pathwayKind.form.text': 'Traject (JSON)',
  'pathwayKind.form.hint':
    'Elke tekst in het Nederlands (B1) en het Engels. Verander het versienummer alleen als de site daarom vraagt.',
  'pathwayKind.regions.title': 'Regionale varianten',
  'pathwayKind.regions.intro':
    'Sommige veiligheidsregio’s werken iets anders. Een samenwerking die start bij een organisatie in zo’n regio volgt de regionale variant.',
  'pathwayKind.regions.item': 'Regio {region} (versie {version})',
  'pathwayKind.region.title': 'Zo werkt het in regio {region}',
  'pathwayKind.region.lead':
    'Dit is de regionale variant van het traject voor veiligheidsregio {region}. Samenwerkingen die starten bij een organisatie in deze regio volgen deze stappen.',
  'pathwayKind.region.back': 'Terug naar het landelijke traject',
} as const;

const en: Translation<typeof nl> = {
  'pathwayKind.problem.field': 'Field {field}: {problem}',
  'pathwayKind.problem.json': 'The text is not valid JSON: {problem}',
  'pathwayKind.problem.shape': 'Shape: {problem}',
  'pathwayKind.problem.key': 'A pathway is national or of one safety region (region:VR01 to VR25).',
  'pathwayKind.problem.region':
    'The field "region" does not fit {key}: leave it out for the national pathway, or give the region’s code.',
  'pathwayKind.problem.versionTaken':
    'Version {version} exists already (national or in a region). Use version {next}: each number belongs to one pathway.',
  'pathwayKind.title.national': 'Pathway, national, version {version}',
  'pathwayKind.title.region': 'Pathway, region {region}, version {version}',
  'pathwayKind.field.version': 'Version and date',
  'pathwayKind.field.track': 'Track {track}',
  'pathwayKind.field.step': 'Step {track} / {step}',
  'pathwayKind.field.sources': 'Sources of track {track}',
  'pathwayKind.form.intro':
    'The pathway is shown here as JSON, as in content/pathway/. When you submit it, the site checks its shape: every step can be reached and every track can end. The fields are explained in content/pathway/README.md.',
  'pathwayKind.form.text': 'Pathway (JSON)',
  'pathwayKind.form.hint':
    'Every text in Dutch (B1) and English. Change the version number only when the site asks you to.',
  'pathwayKind.regions.title': 'Regional variants',
  'pathwayKind.regions.intro':
    'Some safety regions work a little differently. A collaboration started at an organisation in such a region follows the regional variant.',
  'pathwayKind.regions.item': 'Region {region} (version {version})',
  'pathwayKind.region.title': 'How it works in region {region}',
  'pathwayKind.region.lead':
    'This is the regional variant of the pathway for safety region {region}. Collaborations started at an organisation in this region follow these steps.',
  'pathwayKind.region.back': 'Back to the national pathway',
};

export const pathwayKindMessages = { nl, en };
