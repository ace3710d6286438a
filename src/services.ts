import { createCheckRepository } from './features/check/check.repo.js';
import { createCheckService } from './features/check/check.service.js';
import { loadQuestionnaires } from './features/check/questionnaires.js';
import { questionnaireKind } from './features/check/questionnaire.kind.js';
import { createCaseClosingRepository } from './features/cases/case-closing.repo.js';
import { createCaseClosingService } from './features/cases/case-closing.service.js';
import { createCaseExportsRepository } from './features/cases/case-exports.repo.js';
import { createCaseExportsService } from './features/cases/case-exports.service.js';
import { caseExportsUserData } from './features/cases/case-exports.user-data.js';
import { policeBundleJobHandlers } from './features/cases/case-police-bundles.js';
import { createCaseItemsRepository } from './features/cases/case-items.repo.js';
import { createCaseMeasuresRepository } from './features/cases/case-measures.repo.js';
import { createCaseMeasuresService } from './features/cases/case-measures.service.js';
import { caseMeasuresDaily, caseMeasuresJobHandler } from './features/cases/case-measures.jobs.js';
import { createCaseNotificationsRepository } from './features/cases/case-notifications.repo.js';
import { createCaseNotificationsService } from './features/cases/case-notifications.service.js';
import { caseNotificationJobHandlers, caseNotificationsDaily } from './features/cases/case-notifications.jobs.js';
import { createCaseItemsService } from './features/cases/case-items.service.js';
import { createCaseSharesRepository } from './features/cases/case-shares.repo.js';
import { createCaseSharesService } from './features/cases/case-shares.service.js';
import { loadPathways, regionOfArea } from './features/cases/pathway.js';
import { createPathwayKind } from './features/cases/pathway.kind.js';
import { createCasesRepository } from './features/cases/cases.repo.js';
import { createCasesService } from './features/cases/cases.service.js';
import { casesUserData } from './features/cases/cases.user-data.js';
import { recordCaseEvent } from './features/cases/case-items.repo.js';
import { createYoungConsentCheck } from './features/cases/case-young.consent.js';
import { createCaseYoungRepository } from './features/cases/case-young.repo.js';
import { createCaseYoungService } from './features/cases/case-young.service.js';
import { createContentRepository } from './features/content/content.repo.js';
import { createContentService } from './features/content/content.service.js';
import { pageKind } from './features/content/page.kind.js';
import { contentPageKeys } from './features/content/views/content-page.view.js';
import { createEditorialRepository } from './features/editorial/editorial.repo.js';
import { createEditorialService } from './features/editorial/editorial.service.js';
import type { EditorialKinds } from './features/editorial/editorial.types.js';
import { articleKind } from './features/knowledge/article.kind.js';
import { createKnowledgeService } from './features/knowledge/knowledge.service.js';
import { createFeedbackRepository } from './features/feedback/feedback.repo.js';
import { createInsightsRepository } from './features/insights/insights.repo.js';
import { createInsightsService } from './features/insights/insights.service.js';
import { noiseKey } from './features/insights/noise.js';
import { createOrganisationInsightsRepository } from './features/insights/organisation-insights.repo.js';
import { createOrganisationInsightsService, pathwayTracks } from './features/insights/organisation-insights.service.js';
import { createSurveyRepository } from './features/survey/survey.repo.js';
import { createSurveyService } from './features/survey/survey.service.js';
import { surveyUserData } from './features/survey/survey.user-data.js';
import { createFeedbackService } from './features/feedback/feedback.service.js';
import { knowledgePages } from './features/feedback/feedback.pages.js';
import { withPathwayPages } from './features/search/pathway-pages.js';
import { createSearchService } from './features/search/search.service.js';
import { createHealthRepository } from './features/health/health.repo.js';
import { createHelpRepository } from './features/help/help.repo.js';
import { createHelpService } from './features/help/help.service.js';
import { createOrganisationKind } from './features/help/organisation.kind.js';
import { readSafetyRegionNames } from './features/help/reference-data.js';
import type { Config } from './shared/config/config.js';
import type { DatabaseHandle } from './shared/db/database.js';
import { createAccountsRepository } from './features/accounts/accounts.repo.js';
import { createAuditRepository } from './features/audit/audit.repo.js';
import { createAuditService } from './features/audit/audit.service.js';
import { createAccountsService } from './features/accounts/accounts.service.js';
import { createKeyRotationRepository } from './features/accounts/key-rotation.repo.js';
import { createKeyRotationService } from './features/accounts/key-rotation.service.js';
import { createJournalRepository } from './features/journal/journal.repo.js';
import { createJournalService } from './features/journal/journal.service.js';
import { createPasskeyRepository } from './features/accounts/passkeys.repo.js';
import { createPasskeyService } from './features/accounts/passkeys.service.js';
import { resolveLogKey } from './shared/crypto/log-key.js';
import { useNodeNatives } from './shared/crypto/node-natives.js';
import { createExportsRepository } from './features/journal/export/export.repo.js';
import { createExportService } from './features/journal/export/export.service.js';
import { exportJobHandlers } from './features/journal/export/export.jobs.js';
import { journalActorOf } from './features/journal/journal.service.js';
import { jobKeyPair } from './shared/crypto/job-key.js';
import { createLogRepository } from './features/log/log.repo.js';
import { createLogService } from './features/log/log.service.js';
import { createRootSchedule } from './features/log/root-schedule.js';
import { createChangeBus } from './shared/db/change-bus.js';
import { createOneInstance } from './shared/db/one-instance.js';
import { createRateLimitsRepository } from './shared/db/rate-limits.js';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { type CountNow, databaseRateLimitStore, memoryRateLimitStore } from './shared/http/rate-limit-store.js';
import {
  queueWitnessPushes,
  witnessDaily,
  witnessDailyHandler,
  witnessPushHandler,
} from './features/log/witness.jobs.js';
import { createWitnessRepository } from './features/log/witness.repo.js';
import { createWitnessService } from './features/log/witness.service.js';
import { createTimestamper, readTsaCertificate, timestampRootJob } from './features/log/timestamp.js';
import { createPassphraseHasher } from './shared/crypto/passphrase.js';
import type { UserDataHolder } from './shared/user-data.js';
import { journalUserData } from './features/journal/journal.user-data.js';
import { exportUserData } from './features/journal/export/export.user-data.js';
import { passkeyUserData } from './features/accounts/passkeys.user-data.js';
import { releaseKeyFrom } from './features/accounts/trusted-person.keys.js';
import { trustedRequestNoticeHandler } from './features/accounts/trusted-person.jobs.js';
import { createTrustedPersonRepository } from './features/accounts/trusted-person.repo.js';
import { createTrustedPersonService } from './features/accounts/trusted-person.service.js';
import { trustedPersonUserData } from './features/accounts/trusted-person.user-data.js';
import { createKeyedHash } from './shared/crypto/keyed-hash.js';
import { createMailer, type NoticeLanguage } from './shared/mail/mailer.js';
import { createJobWorker, type JobHandler } from './shared/jobs/jobs.js';
import { dailyHandler, type DailyJobKind, defineDailyJob } from './shared/jobs/recurring.js';
import { createJobsRepository, enqueue } from './shared/jobs/jobs.repo.js';
import { createMetrics } from './shared/metrics/metrics.js';
import { accountChangedNotice, accountChangedNoticeHandler } from './features/accounts/accounts.jobs.js';
import { translatorFor } from './messages.js';
import { createTranslationReviewRepository } from './features/translation-review/translation-review.repo.js';
import { createTranslationReviewService } from './features/translation-review/translation-review.service.js';
import { pathwayDir, questionnairesDir, referenceDataDir } from './shared/paths.js';
import { sessionCookieName } from './shared/auth/session-cookie.js';
import type { SymmetricKey } from './shared/crypto/aead.js';
import { createProfessionalsRepository } from './features/professionals/professionals.repo.js';
import { createProfessionalsService, professionalFactsLoader } from './features/professionals/professionals.service.js';
import { invitationMailHandler } from './features/professionals/professionals.jobs.js';

/**
 * The composition root: every service the app uses, built from the database and the configuration as plain
 * objects. Tests build the same thing on a test database.
 */
export function createServices(
  database: DatabaseHandle,
  config: Config,
  warn: (message: string) => void = (message) => process.stderr.write(`Warning: ${message}\n`),
  /** Tests only: other kinds of editorial document than the real ones (a small test kind). */
  overrides: {
    editorialKinds?: EditorialKinds;
    /** Tests only: the clock of the trusted persons' waiting period (ADR 0049). */
    clock?: () => Date;
  } = {},
) {
  useNodeNatives();
  const logKey = resolveLogKey(config, warn);
  const content = createContentService(createContentRepository(database.db));
  if (config.pepper === undefined) throw new Error('The pepper must be resolved before the services are built');
  const professionalsRepository = createProfessionalsRepository(database.db);
  const hasher = createPassphraseHasher({ pepper: config.pepper, concurrency: config.argon2Concurrency });
  const accounts = createAccountsService(
    createAccountsRepository(database.db),
    hasher,
    config.session,
    undefined,
    config.argon2,
    professionalFactsLoader(professionalsRepository),
    () => database.forgetDeleted(),
    // Throttle rows are keyed hashes under the pepper: no typed name or address is stored readable.
    { keyedHash: createKeyedHash(config.pepper) },
  );
  const mailer = createMailer(config.mail, translatorFor);
  // An invitation's link token is a keyed hash of its id, so the job that sends it can make the link again.
  const invitationKeyedHash = createKeyedHash(config.pepper);
  // The rate limit's rows are keyed by a keyed hash of the client's address, never the address (ADR 0041).
  const rateLimitKeyedHash = createKeyedHash(config.pepper);
  const invitationSettings = {
    publicUrl: config.publicUrl,
    invitationToken: (invitationId: string) => invitationKeyedHash('invitation-link', invitationId),
  };
  const audit = createAuditService(createAuditRepository(database.db));
  const journal = createJournalService(createJournalRepository(database.db, database.dialect), {
    logKey,
    audit,
    previousLogKeys: config.logPreviousPublicKeys,
  });
  const log = createLogService(createLogRepository(database.db), logKey);
  // Shared state across instances (issue 17, ADR 0041): news of a publish for every instance (LISTEN/NOTIFY on
  // PostgreSQL), work one instance does at a time (advisory locks), the rate limit's counts in the database.
  const changeBus = createChangeBus(database, {
    url: config.database.kind === 'postgres' ? config.database.url : undefined,
    onError: (error) => warn(`the change bus: ${error instanceof Error ? error.message : 'unknown error'}`),
  });
  const oneInstance = createOneInstance(database.db, database.dialect);
  // The scheduled global root: one instance makes it, once per interval (the server ticks it).
  const rootSchedule = createRootSchedule(log, oneInstance, config.logRootIntervalMs);
  // RFC 3161 timestamps on each new global root from the configured TSA (ADR 0043); none without TSA_URL.
  const timestamps =
    config.tsa === undefined
      ? undefined
      : createTimestamper(createLogRepository(database.db), {
          url: config.tsa.url,
          cert: readTsaCertificate(config.tsa.certFile),
        });
  // Journal exports, made by the job queue and sealed for the session that asked (ADR 0025). The job key opens
  // what a request gives a job to carry; every instance derives the same one from the pepper.
  const jobKey = jobKeyPair(config.pepper);
  const exportsRepository = createExportsRepository(database.db);
  const exportSettings = { maxAttachmentBytes: config.exportMaxAttachmentBytes, keepMs: 15 * 60_000 };
  const exports = createExportService(exportsRepository, {
    jobPublicKey: jobKey.publicKey,
    audit,
    limits: { keepMs: exportSettings.keepMs },
    queued: () => jobs.poke(),
  });
  const passkeys = createPasskeyService(
    createPasskeyRepository(database.db),
    accounts,
    { id: config.publicOrigin.rpId, origin: config.publicOrigin.origin },
    undefined,
    audit,
  );
  // A trusted person as a way back in (ADR 0049): the release key is derived from the pepper and never stored.
  const trustedPersonReleaseKey = releaseKeyFrom(config.pepper);
  const trustedPersons = createTrustedPersonService(
    createTrustedPersonRepository(database.db),
    audit,
    (session, passphrase, address, options) => accounts.confirmPassphrase(session, passphrase, address, options),
    {
      releaseKey: trustedPersonReleaseKey,
      keyedHash: createKeyedHash(config.pepper),
      ...(overrides.clock === undefined ? {} : { clock: overrides.clock }),
    },
  );
  // The features that hold a user's data, each with its part in key rotation, "download my data", account
  // deletion and the end of a session (ADR 0017); src/user-data.test.ts has a case for each.
  // The case space's life cycle (/samenwerken): codes as keyed hashes under the pepper, its own timeline events.
  // A young member of 16 or older may refuse flows of data about them (ADR 0030): the core, the shares and the
  // exports ask this before such a flow.
  const youngConsent = createYoungConsentCheck(createCaseYoungRepository(database.db));
  const cases = createCasesService(createCasesRepository(database.db), audit, {
    invitationValidMs: config.caseInvitationValidMs,
    keyedHash: createKeyedHash(config.pepper),
    recordEvent: recordCaseEvent,
    youngConsent,
    // A new case follows the regional pathway of its starter's organisation when one is published (ADR 0037).
    pathwayKeyFor: async (organisationId) => {
      const organisation =
        organisationId === null ? undefined : await createHelpRepository(database.db).findOrganisation(organisationId);
      return pathway.keyForRegion(regionOfArea(organisation?.area));
    },
  });
  // Closing a case and deleting it after CASE_RETENTION_MONTHS by destroying its keys (ADR 0031); daily task.
  const caseClosing = createCaseClosingService(
    createCaseClosingRepository(database.db),
    createCasesRepository(database.db),
    audit,
    { retentionMonths: config.caseRetentionMonths, recordEvent: recordCaseEvent },
  );
  const caseClosingDaily = defineDailyJob('cases.closing-daily');
  const userData: readonly UserDataHolder[] = [
    journalUserData(journal, database.dialect),
    passkeyUserData(passkeys),
    exportUserData(exports, exportsRepository),
    // Before the memberships: their bundles are found by the account the memberships still name.
    caseExportsUserData(createCaseExportsRepository(database.db)),
    casesUserData(cases, (actor, userId, caseId) => caseNotifications.mySetting(actor, userId, caseId)),
    trustedPersonUserData(trustedPersons, trustedPersonReleaseKey),
    // The parents' survey keeps only the day before which they are not asked again (ADR 0047).
    surveyUserData(database.db),
  ];
  // What the job that makes a journal export and the one that makes a police bundle both need: the job's key, the
  // journal read as the account that asked (its master key carried in the job), the log and the attachment limit.
  const bundleMaking = {
    jobKey,
    actingWith: async (userId: string, masterKey: SymmetricKey) => {
      const account = await accounts.actingWith(userId, masterKey);
      return account === undefined ? undefined : journalActorOf(account);
    },
    journal,
    log,
    logKey,
    translatorFor,
    maxAttachmentBytes: exportSettings.maxAttachmentBytes,
    ...(timestamps === undefined ? {} : { timestamps }),
  };
  // Work done after the request that asked for it, by any instance (src/shared/jobs/): each kind's handler is
  // listed here. The server starts the worker; tests run due jobs with jobs.runDue().
  const jobHandlers: JobHandler[] = [
    invitationMailHandler(professionalsRepository, mailer, invitationSettings),
    accountChangedNoticeHandler((userId) => accounts.noticeEmail(userId), mailer),
    trustedRequestNoticeHandler((userId) => accounts.noticeEmail(userId), mailer),
    ...exportJobHandlers({
      ...bundleMaking,
      repo: exportsRepository,
      keepMs: exportSettings.keepMs,
      onError: (error) => warn(`making a journal export failed: ${error instanceof Error ? error.name : 'unknown'}`),
    }),
  ];
  // Work done once a day by one instance (src/shared/jobs/recurring.ts): the server queues each kind's first run
  // at start; each run queues the next. Add the kind here and its handler (dailyHandler) to jobHandlers.
  const dailyJobs: DailyJobKind[] = [caseClosingDaily];
  jobHandlers.push(
    dailyHandler(database.db, caseClosingDaily, async (now) => {
      await caseClosing.daily(now);
    }),
  );
  // Readers' "what was missing?" (ADR 0038): held until an editor accepts it; a daily run deletes pending texts
  // after 30 days and accepted ones after 12 months.
  // The knowledge base (ADR 0035): articles in content_pages (section 'kennisbank') and de lijn from the pathway.
  const knowledge = createKnowledgeService(createContentRepository(database.db), () => pathway.current);
  const feedback = createFeedbackService(createFeedbackRepository(database.db), {
    audit,
    pages: {
      informatie: (actor, slug, locale) => content.showPage(actor, slug, locale),
      kennisbank: knowledgePages(knowledge, translatorFor),
    },
    recordVote: (slug, lang, day, helpful) =>
      createContentRepository(database.db).recordFeedback(slug, lang, day, helpful),
  });
  // The parents' survey (ADR 0047); pending free texts nobody reviewed are deleted after 30 days, as feedback's are.
  const survey = createSurveyService(createSurveyRepository(database.db), { audit });
  const surveyDaily = defineDailyJob('survey.daily');
  dailyJobs.push(surveyDaily);
  jobHandlers.push(
    dailyHandler(database.db, surveyDaily, async (now) => {
      await survey.daily(now);
    }),
  );
  const feedbackDaily = defineDailyJob('feedback.daily');
  dailyJobs.push(feedbackDaily);
  jobHandlers.push(
    dailyHandler(database.db, feedbackDaily, async (now) => {
      await feedback.daily(now);
    }),
  );
  // Case notifications (ADR 0028): a job per notified timeline event, a mail job per account, a daily run.
  const casesForNotifications = createCasesRepository(database.db);
  const caseNotifications = createCaseNotificationsService(createCaseNotificationsRepository(database.db), {
    mailer,
    noticeAddress: (userId) => accounts.noticeAddress(userId),
    findMembership: (caseId, userId) => casesForNotifications.findMembership(caseId, userId),
    queued: () => jobs.poke(),
  });
  jobHandlers.push(...caseNotificationJobHandlers(database.db, caseNotifications));
  dailyJobs.push(caseNotificationsDaily);
  // Measures for policy (ADR 0032): the weekly figures, written again each day for the previous and current week.
  const caseMeasures = createCaseMeasuresService(createCaseMeasuresRepository(database.db), () => pathway);
  jobHandlers.push(caseMeasuresJobHandler(database.db, caseMeasures));
  dailyJobs.push(caseMeasuresDaily);
  // The police bundle of the entries a parent shares into a case (ADR 0029), made by the queue at share time.
  const caseExportsRepository = createCaseExportsRepository(database.db);
  jobHandlers.push(
    ...policeBundleJobHandlers({
      ...bundleMaking,
      repo: caseExportsRepository,
      onError: (error) => warn(`making a police bundle failed: ${error instanceof Error ? error.name : 'unknown'}`),
    }),
  );
  if (timestamps !== undefined) {
    jobHandlers.push(timestamps.handler());
    log.onPublished(async (root) => {
      await enqueue(database.db, timestampRootJob, { seq: root.seq }, { idempotencyKey: `timestamp-root:${root.seq}` });
      jobs.poke();
    });
  }
  // The log of global roots as a C2SP checkpoint, sent to the witnesses of LOG_WITNESSES after each new root by a
  // job per witness; their cosignatures are kept and served with the checkpoint (ADR 0044).
  const witnesses = createWitnessService(createWitnessRepository(database.db), logKey, {
    origin: config.logOrigin,
    witnesses: config.logWitnesses,
  });
  jobHandlers.push(witnessPushHandler(witnesses));
  log.onPublished(queueWitnessPushes(database.db, witnesses, () => jobs.poke()));
  // Once a day every witness is sent the latest checkpoint too (one down for long, or newly added, catches up).
  jobHandlers.push(witnessDailyHandler(database.db, witnesses, () => jobs.poke()));
  dailyJobs.push(witnessDaily);
  const jobs = createJobWorker(createJobsRepository(database.db, database.dialect), jobHandlers);
  // The pathway of de lijn (content/pathway/), checked here so that a broken file stops the start.
  const pathway = loadPathways(pathwayDir);
  const safetyRegionNames = readSafetyRegionNames(referenceDataDir);
  // Exports of a case (ADR 0029): the summary PDF, a parent's own copy, the police bundle.
  const caseExports = createCaseExportsService(caseExportsRepository, createCaseSharesRepository(database.db), {
    jobPublicKey: jobKey.publicKey,
    audit,
    items: createCaseItemsService(createCaseItemsRepository(database.db), audit, { pathways: pathway }),
    youngConsentBlocks: youngConsent,
    queued: () => jobs.poke(),
  });
  // The kinds of document the CMS edits (issue 16, ADR 0033): each feature that owns content adds its kind here.
  // The check's questionnaire versions (ADR 0036): from content/check/ until the editorial store fills them (at
  // start after the import, and after every publish of a version).
  const questionnaires = loadQuestionnaires(questionnairesDir);
  const questionnaireVersions = questionnaireKind({
    registry: questionnaires,
    publishedDocuments: () => editorial.publishedDocuments('questionnaire'),
    t: translatorFor('nl'),
  });
  // Organisations of the help finder (content/organisations.json, ADR 0037): written to the organisations table.
  const help = createHelpService(createHelpRepository(database.db));
  const organisationVersions = createOrganisationKind({
    repo: createHelpRepository(database.db),
    forget: () => help.forgetOrganisations(),
  });
  // The pathway, national and per veiligheidsregio (ADR 0037): the registry refilled from the store after a publish.
  const pathwayVersions = createPathwayKind({
    registry: pathway,
    published: () => editorial.publishedDocuments('pathway'),
    translate: translatorFor('nl'),
    regionNames: safetyRegionNames,
  });
  const editorialKinds: EditorialKinds = overrides.editorialKinds ?? [
    // Information pages (content/nl|en/<slug>.md, ADR 0040), written to content_pages when published.
    pageKind(createContentRepository(database.db)),
    // Knowledge articles (content/kennisbank/nl|en/<slug>.md, ADR 0035), in content_pages with section 'kennisbank'.
    articleKind(createContentRepository(database.db)),
    questionnaireVersions,
    organisationVersions,
    pathwayVersions,
  ];
  // The editorial core: workflow, history, four eyes, the start-up import of content/ (src/features/editorial/).
  const editorial = createEditorialService(createEditorialRepository(database.db), {
    kinds: editorialKinds,
    audit,
    translatorFor,
    announce: (trx, kind) => changeBus.announce(trx, 'content_published', kind),
  });
  // Another instance published (or this one lost news of it): reload what the kinds keep in memory, empty the
  // page cache, rebuild the search index (the publish listeners), as after a publish here.
  changeBus.subscribe('content_published', (message) => {
    if (message.fromHere === true) return;
    const kind = message.missed === true ? undefined : message.payload;
    if (kind !== undefined && !editorial.isKind(kind)) return;
    editorial
      .refreshPublished(kind)
      .catch((error: unknown) =>
        warn(`reloading published content failed: ${error instanceof Error ? error.message : 'unknown error'}`),
      );
  });
  // The reviewers' marks on translations (ADR 0053): in memory for the per-request check, loaded at start (app.ts
  // onReady), again after a change here, and when another instance announces one, as a publish is.
  const translationReviews = createTranslationReviewService(createTranslationReviewRepository(database.db), {
    audit,
    announce: (trx) => changeBus.announce(trx, 'translation_reviewed', 'marks'),
    translatorFor,
  });
  changeBus.subscribe('translation_reviewed', (message) => {
    if (message.fromHere === true) return;
    translationReviews
      .load()
      .catch((error: unknown) =>
        warn(
          `reloading the translation review marks failed: ${error instanceof Error ? error.message : 'unknown error'}`,
        ),
      );
  });
  // Search over the information pages and the knowledge base (ADR 0034): in process, built at start (bootstrap)
  // and again, coalesced, whenever a page, an article or a pathway is published.
  const search = createSearchService({
    // The pathway articles (/kennisbank/de-lijn…) are drawn from the national pathway at every rebuild.
    loadPages: async () =>
      withPathwayPages(await createContentRepository(database.db).searchablePages(), pathway.current, translatorFor),
    onError: (error) => warn(`rebuilding the search index failed: ${error instanceof Error ? error.name : 'unknown'}`),
    // A language's information pages are found where /informatie/<slug> shows them in it (ADR 0053).
    showsTranslations: (language) => translatorFor.showsContentIn(language, contentPageKeys),
  });
  editorial.onPublished((kind) => {
    if (kind === 'page' || kind === 'article' || kind === 'pathway') search.rebuildSoon();
  });
  const rateLimits: { store: FastifyRateLimitStoreCtor; countNow: CountNow | undefined } =
    database.dialect === 'postgres'
      ? {
          store: databaseRateLimitStore(createRateLimitsRepository(database.db), {
            hashKey: (key) => rateLimitKeyedHash('rate-limit', key),
            onError: (error) =>
              warn(`deleting ended rate-limit windows failed: ${error instanceof Error ? error.name : 'unknown'}`),
          }),
          countNow: undefined,
        }
      : memoryRateLimitStore();
  return {
    config,
    dialect: database.dialect,
    changeBus,
    rootSchedule,
    // The rate limit's store (ADR 0041): in the database on PostgreSQL, where several instances serve; SQLite has one
    // instance per database file, which counts in memory (no write per request) and lets the early answers of
    // stored pages count without a promise (rateLimitNow).
    rateLimitStore: rateLimits.store,
    rateLimitNow: rateLimits.countNow,
    editorial,
    translationReviews,
    content,
    knowledge,
    feedback,
    // Anonymous weekly figures for /inzichten (issue 18, ADR 0046).
    // Tracks named by their title in the current pathway, else in the newest version that has them (issue 18).
    insights: createInsightsService(
      createInsightsRepository(database.db),
      undefined,
      (id) => {
        for (const version of [pathway.current, ...[...pathway.all].reverse()]) {
          const track = version.tracks.find((candidate) => candidate.id === id);
          if (track !== undefined) return track.title;
        }
        return { nl: id, en: id };
      },
      // Optional Laplace noise on the published figures (ADR 0052), its key derived from the pepper.
      config.insightsNoiseEpsilon === undefined
        ? undefined
        : { epsilon: config.insightsNoiseEpsilon, key: noiseKey(config.pepper) },
    ),
    // The same figures per region for an organisation's own cases (issue 18 point 4, ADR 0048).
    organisationInsights: createOrganisationInsightsService(createOrganisationInsightsRepository(database.db), () =>
      pathwayTracks(pathway),
    ),
    // Parents' own voice (issue 18 point 2, ADR 0047): offers at milestones, answers without an account.
    survey,
    search,
    check: createCheckService(questionnaires, createCheckRepository(database.db)),
    questionnaireVersions,
    pathway,
    pathwayVersions,
    safetyRegionNames,
    help,
    health: createHealthRepository(database.db),
    // Prometheus metrics, kept only when something can read them (METRICS_PORT or METRICS_TOKEN; ADR 0042).
    metrics:
      config.metrics.port === undefined && config.metrics.token === undefined
        ? undefined
        : createMetrics({
            pool: database.poolStats,
            jobCounts: () => createJobsRepository(database.db, database.dialect).countByState(),
            argon2: () => hasher.load(),
          }),
    accounts,
    keyRotation: createKeyRotationService(
      createKeyRotationRepository(database.db),
      accounts,
      hasher,
      undefined,
      config.argon2,
      userData,
      audit,
    ),
    passkeys,
    trustedPersons,
    audit,
    journal,
    userData,
    logKey,
    log,
    witnesses,
    mailer,
    professionals: createProfessionalsService(professionalsRepository, accounts, mailer, audit, {
      ...invitationSettings,
      invitationValidMs: config.invitationValidMs,
      jobQueued: () => jobs.poke(),
    }),
    cases,
    caseExports,
    caseNotifications,
    caseClosing,
    caseMeasures,
    // What members post into a case and its timeline (agreements, meetings, planning, messages, step moves).
    caseItems: createCaseItemsService(createCaseItemsRepository(database.db), audit, { pathways: pathway }),
    // Journal entries a parent shares into a case, read by its professionals with their verification.
    caseShares: createCaseSharesService(
      createCaseSharesRepository(database.db),
      createJournalRepository(database.db, database.dialect),
      { logPublicKeys: [logKey.publicKey, ...config.logPreviousPublicKeys], audit, youngConsent },
    ),
    // The child's own voice (ADR 0030): invitation, sign-up, the private channel, consent from 16.
    caseYoung: createCaseYoungService(
      createCasesRepository(database.db),
      createCaseYoungRepository(database.db),
      createCaseItemsRepository(database.db),
      accounts,
      audit,
      { invitationValidMs: config.caseInvitationValidMs, keyedHash: createKeyedHash(config.pepper), pathways: pathway },
    ),
    exports,
    exportsRepository,
    jobs,
    dailyJobs,
    notify: {
      /** Queues the neutral "your account changed" e-mail; nothing when mail is off. */
      accountChanged: async (userId: string, language: NoticeLanguage): Promise<void> => {
        if (!mailer.enabled) return;
        await enqueue(database.db, accountChangedNotice, { userId, language });
        jobs.poke();
      },
    },
    sessions: {
      /** Ends the session named by the request's cookies (logout, quick exit); the features forget it. */
      end: async (cookies: Record<string, string | undefined>): Promise<void> => {
        const idHash = await accounts.endSessionByCookie(cookies[sessionCookieName(config.secureCookies)]);
        if (idHash !== undefined) for (const holder of userData) await holder.forgetSession(idHash);
      },
    },
  };
}

export type Services = ReturnType<typeof createServices>;
