import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ZodError } from 'zod';
import type { Trx } from '../../shared/db/transaction.js';
import type { Translate } from '../../shared/i18n/i18n.js';
import { Input, Select, TextArea } from '../../shared/views/components/fields.js';
import type {
  ContentFile,
  DocumentText,
  EditorialKind,
  Parsed,
  PublishedDocument,
  ReadableField,
} from '../editorial/editorial.types.js';
import type { HelpRepository } from './help.repo.js';
import { openState } from './opening-hours.js';
import { type OpeningHours, type Organisation, organisationSchema, weekdays } from './organisation.schema.js';
import { OrganisationCard } from './views/organisation-card.js';

/*
 * The editorial kind `organisation` (issue 16, ADR 0037): one document per entry of content/organisations.json,
 * keyed by its slug. The CMS edits the name, description, contact (phone, chat, website), opening hours, the area
 * served and the check (checkedOn + checkedBy); everything else (kind, source, interpreter, verification) is
 * carried over from the text as it was. A document's text is the entry as JSON, exactly as the file nests it.
 */

/** The file of all organisations, relative to the content directory. */
export const organisationsFileName = 'organisations.json';

const areaTypes = ['national', 'province', 'veiligheidsregio', 'police-unit', 'municipalities'] as const;

/** One organisation's text: the JSON the file holds for it, two spaces deep, ending in a newline. */
export const organisationText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function zodProblems(error: ZodError, t: Translate): string[] {
  return error.issues.map((issue) =>
    t('orgKind.problem.field', { field: issue.path.join('.') || '–', problem: issue.message }),
  );
}

function parseJson(text: string, t: Translate): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [t('orgKind.problem.json', { problem: (error as Error).message })] };
  }
}

/** Opening hours in words for the reviewer's diff: "ma 09:00–17:00; di …", or "always open". */
function hoursText(hours: OpeningHours | undefined, t: Translate): string {
  if (hours === undefined) return t('orgKind.hours.unknown');
  if (hours.always) return t('orgKind.hours.always');
  const days = weekdays
    .filter((day) => (hours.weekly[day] ?? []).length > 0)
    .map((day) => `${day} ${(hours.weekly[day] ?? []).map(([from, until]) => `${from}–${until}`).join(', ')}`);
  const exceptions = hours.exceptions.map(
    (entry) =>
      `${entry.date} ${entry.hours.length === 0 ? t('orgKind.hours.closed') : entry.hours.map(([from, until]) => `${from}–${until}`).join(', ')}`,
  );
  return [...days, ...exceptions].join('; ') || t('orgKind.hours.closed');
}

function areaText(area: Organisation['area']): string {
  if (area.type === 'national') return 'national';
  return `${area.type}: ${area.type === 'police-unit' ? area.names.join(', ') : area.codes.join(', ')}`;
}

function areaCodes(area: Organisation['area'] | undefined): string {
  if (area === undefined || area.type === 'national') return '';
  return area.type === 'police-unit' ? area.names.join(', ') : area.codes.join(', ');
}

function hoursField(hours: unknown): string {
  return hours === undefined ? '' : JSON.stringify(hours, null, 2);
}

/** What an organisation's text shows in the form's fields. */
function formValues(text: string): Record<string, string> {
  let raw: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) raw = parsed as typeof raw;
  } catch {
    // A text that is not JSON shows empty fields; saving reports what is wrong.
  }
  const value = raw as Partial<Organisation>;
  const str = (field: unknown) => (typeof field === 'string' ? field : '');
  return {
    name: str(value.name),
    descriptionNl: str(value.description?.nl),
    descriptionEn: str(value.description?.en),
    phone: str(value.phone),
    phoneNoteNl: str(value.phoneNote?.nl),
    phoneNoteEn: str(value.phoneNote?.en),
    chat: str(value.chat),
    web: str(value.web),
    hours: hoursField(value.hours),
    chatHours: hoursField(value.chatHours),
    areaType: str(value.area?.type),
    areaCodes: areaCodes(value.area),
    checkedOn: str(value.checkedOn),
    checkedBy: str(value.checkedBy),
  };
}

const trimmed = (value: string | undefined): string | undefined => {
  const text = (value ?? '').trim();
  return text === '' ? undefined : text;
};

export interface OrganisationKindOptions {
  repo: HelpRepository;
  /** Today, for refusing a check dated in the future. */
  clock?: () => Date;
  /** After a publish: the help finder forgets the organisations it holds in memory. */
  forget?: () => void;
}

export function createOrganisationKind(options: OrganisationKindOptions): EditorialKind<Organisation> {
  const clock = options.clock ?? (() => new Date());

  function parse(text: string, t: Translate): Parsed<Organisation> {
    const json = parseJson(text, t);
    if (!json.ok) return json;
    const parsed = organisationSchema.safeParse(json.value);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: zodProblems(parsed.error, t) };
  }

  function check(value: Organisation, key: string, t: Translate): string[] {
    const problems: string[] = [];
    if (value.slug !== key) problems.push(t('orgKind.problem.slug', { key }));
    if ((value.checkedOn === undefined) !== (value.checkedBy === undefined)) {
      problems.push(t('orgKind.problem.checkPair'));
    }
    if (value.checkedOn !== undefined && value.checkedOn > clock().toISOString().slice(0, 10)) {
      problems.push(t('orgKind.problem.checkFuture'));
    }
    if (value.demo === true) problems.push(t('orgKind.problem.demo'));
    return problems;
  }

  return {
    kind: 'organisation',
    parse,
    check,
    keyProblems: (key, t) =>
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) && key.length <= 80 ? [] : [t('orgKind.problem.key')],
    title: (value) => value.name,

    fields(value, t): ReadableField[] {
      const field = (label: Parameters<Translate>[0], text: string | undefined): ReadableField => ({
        label: t(label),
        text: text ?? '',
      });
      return [
        field('orgKind.field.name', value.name),
        field('orgKind.field.descriptionNl', value.description.nl),
        field('orgKind.field.descriptionEn', value.description.en),
        field('orgKind.field.phone', value.phone),
        field('orgKind.field.phoneNoteNl', value.phoneNote?.nl),
        field('orgKind.field.phoneNoteEn', value.phoneNote?.en),
        field('orgKind.field.chat', value.chat),
        field('orgKind.field.web', value.web),
        field('orgKind.field.hours', hoursText(value.hours, t)),
        field('orgKind.field.chatHours', value.chatHours === undefined ? '' : hoursText(value.chatHours, t)),
        field('orgKind.field.area', areaText(value.area)),
        field('orgKind.field.checkedOn', value.checkedOn),
        field('orgKind.field.checkedBy', value.checkedBy),
      ];
    },

    // An organisation is not numbered: a draft starts from the published entry. A new one starts with what the
    // schema needs, filled in by the editor (the kind, source and verification are not the form's to set).
    startDraft(published, key) {
      if (published !== undefined) return published;
      return organisationText({
        slug: key,
        name: '',
        kind: 'parent-support',
        description: { nl: '', en: '' },
        area: { type: 'national' },
        source: { publisher: '', date: clock().toISOString().slice(0, 10) },
        verified: false,
      });
    },

    fromForm(form, previous, t): Parsed<string> {
      const base = parseJson(previous, t);
      if (!base.ok) return base;
      const merged: Record<string, unknown> = { ...(base.value as Record<string, unknown>) };
      const problems: string[] = [];
      const set = (name: string, value: unknown) => {
        if (value === undefined) delete merged[name];
        else merged[name] = value;
      };
      merged.name = (form.name ?? '').trim();
      merged.description = { nl: (form.descriptionNl ?? '').trim(), en: (form.descriptionEn ?? '').trim() };
      set('phone', trimmed(form.phone));
      const noteNl = trimmed(form.phoneNoteNl);
      const noteEn = trimmed(form.phoneNoteEn);
      set(
        'phoneNote',
        noteNl === undefined && noteEn === undefined ? undefined : { nl: noteNl ?? '', en: noteEn ?? '' },
      );
      set('chat', trimmed(form.chat));
      set('web', trimmed(form.web));
      for (const name of ['hours', 'chatHours'] as const) {
        const text = trimmed(form[name]);
        if (text === undefined) {
          set(name, undefined);
          continue;
        }
        try {
          set(name, JSON.parse(text));
        } catch {
          problems.push(t('orgKind.problem.hours', { field: t(`orgKind.field.${name}`) }));
        }
      }
      const type = form.areaType ?? '';
      const codes = (form.areaCodes ?? '')
        .split(',')
        .map((code) => code.trim())
        .filter((code) => code !== '');
      if (!(areaTypes as readonly string[]).includes(type)) problems.push(t('orgKind.problem.areaType'));
      else if (type === 'national') merged.area = { type };
      else if (type === 'police-unit') merged.area = { type, names: codes };
      else merged.area = { type, codes };
      set('checkedOn', trimmed(form.checkedOn));
      set('checkedBy', trimmed(form.checkedBy));
      if (problems.length > 0) return { ok: false, problems };
      const text = organisationText(merged);
      const parsed = parse(text, t);
      if (!parsed.ok) return parsed;
      const refused = check(parsed.value, parsed.value.slug, t);
      return refused.length > 0 ? { ok: false, problems: refused } : { ok: true, value: text };
    },

    Form({ ctx, text, posted }) {
      const { t } = ctx;
      // A refused save or preview shows the fields as posted (nothing lost).
      const form = posted === undefined ? formValues(text) : { ...formValues(text), ...posted };
      return (
        <div class="app-editorial-organisation">
          <Input ctx={ctx} name="name" label={t('orgKind.field.name')} form={form} wide />
          <TextArea ctx={ctx} name="descriptionNl" label={t('orgKind.field.descriptionNl')} form={form} />
          <TextArea ctx={ctx} name="descriptionEn" label={t('orgKind.field.descriptionEn')} form={form} />
          <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">{t('orgKind.contact')}</legend>
            <Input ctx={ctx} name="phone" label={t('orgKind.field.phone')} hint={t('orgKind.hint.phone')} form={form} />
            <Input ctx={ctx} name="phoneNoteNl" label={t('orgKind.field.phoneNoteNl')} form={form} wide />
            <Input ctx={ctx} name="phoneNoteEn" label={t('orgKind.field.phoneNoteEn')} form={form} wide />
            <Input
              ctx={ctx}
              name="chat"
              label={t('orgKind.field.chat')}
              hint={t('orgKind.hint.url')}
              form={form}
              wide
            />
            <Input ctx={ctx} name="web" label={t('orgKind.field.web')} hint={t('orgKind.hint.url')} form={form} wide />
          </fieldset>
          <TextArea
            ctx={ctx}
            name="hours"
            label={t('orgKind.field.hours')}
            hint={t('orgKind.hint.hours')}
            form={form}
            rows={8}
          />
          <TextArea
            ctx={ctx}
            name="chatHours"
            label={t('orgKind.field.chatHours')}
            hint={t('orgKind.hint.chatHours')}
            form={form}
            rows={4}
          />
          <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">{t('orgKind.field.area')}</legend>
            <Select
              name="areaType"
              label={t('orgKind.field.areaType')}
              options={areaTypes.map((type) => ({ value: type, label: t(`orgKind.area.${type}`) }))}
              selected={form.areaType}
            />
            <Input
              ctx={ctx}
              name="areaCodes"
              label={t('orgKind.field.areaCodes')}
              hint={t('orgKind.hint.areaCodes')}
              form={form}
              wide
            />
          </fieldset>
          <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">{t('orgKind.check')}</legend>
            <p class="app-hint">{t('orgKind.hint.check')}</p>
            <Input ctx={ctx} name="checkedOn" type="date" label={t('orgKind.field.checkedOn')} form={form} />
            <Input
              ctx={ctx}
              name="checkedBy"
              label={t('orgKind.field.checkedBy')}
              hint={t('orgKind.hint.checkedBy')}
              form={form}
              wide
            />
          </fieldset>
        </div>
      );
    },

    Preview({ ctx, value }) {
      const instant = clock();
      return (
        <ul class="app-orgs">
          <OrganisationCard
            ctx={ctx}
            shown={{
              organisation: value,
              state: value.hours === undefined ? undefined : openState(value.hours, instant),
              chatState: value.chatHours === undefined ? undefined : openState(value.chatHours, instant),
            }}
          />
        </ul>
      );
    },

    async apply(trx: Trx, _key: string, value: Organisation, publishedAt: Date) {
      await options.repo.saveOrganisation(trx, value, publishedAt);
    },

    afterPublish() {
      options.forget?.();
    },

    async readFiles(contentDirectory: string): Promise<DocumentText[]> {
      const file = path.join(contentDirectory, organisationsFileName);
      let source: string;
      try {
        source = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(source);
      } catch (error) {
        throw new Error(`The organisations file ${file} is not valid JSON: ${(error as Error).message}`);
      }
      const list = (raw as { organisations?: unknown }).organisations;
      if (!Array.isArray(list)) throw new Error(`The organisations file ${file} has no list "organisations"`);
      const keys = new Set<string>();
      return list.map((entry: unknown, index) => {
        const slug = (entry as { slug?: unknown } | null)?.slug;
        const key = typeof slug === 'string' && slug !== '' ? slug : `#${index + 1}`;
        if (keys.has(key)) throw new Error(`The organisations file ${file} holds ${key} twice`);
        keys.add(key);
        return { key, text: organisationText(entry) };
      });
    },

    writeFiles(documents: readonly PublishedDocument[]): ContentFile[] {
      if (documents.length === 0) return [];
      // The file lists the organisations by slug (plain character order), whatever order they come in.
      const organisations = [...documents]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((document) => JSON.parse(document.current) as unknown);
      return [{ path: organisationsFileName, content: `${JSON.stringify({ organisations }, null, 2)}\n` }];
    },
  };
}
