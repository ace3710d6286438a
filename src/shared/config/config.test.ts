import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { availableParallelism } from 'node:os';
import { ConfigError, defaultArgon2Concurrency, loadConfig } from './config.js';

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return [...error.problems];
  }
  assert.fail('expected the configuration to be refused');
}

test('an empty environment starts on SQLite in ./data on port 3000', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.env, 'development');
  assert.deepEqual(config.database, { kind: 'sqlite', file: path.resolve('data', 'niet-mijn-kind.sqlite') });
  assert.equal(config.secureCookies, false);
});

test('by default no more passphrase hashes run at once than there are cores (at most 4); ARGON2_CONCURRENCY sets it', () => {
  const cores = availableParallelism();
  assert.equal(loadConfig({}).argon2Concurrency, defaultArgon2Concurrency());
  assert.ok(loadConfig({}).argon2Concurrency <= cores && loadConfig({}).argon2Concurrency <= 4);
  assert.ok(loadConfig({}).argon2Concurrency >= 1);
  assert.equal(loadConfig({ ARGON2_CONCURRENCY: '6' }).argon2Concurrency, 6);
});

test('a postgres:// DATABASE_URL selects PostgreSQL', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://app:secret@db.internal:5432/nmk' });
  assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://app:secret@db.internal:5432/nmk' });
});

test('DATA_DIR and PORT configure where data lives and where the app listens', () => {
  const config = loadConfig({ DATA_DIR: '/tmp/elsewhere', PORT: '8080' });
  assert.equal(config.port, 8080);
  assert.equal(config.database.kind === 'sqlite' && config.database.file, '/tmp/elsewhere/niet-mijn-kind.sqlite');
});

test('each bad value is refused with a message naming its variable', () => {
  const problems = problemsFor({
    PORT: 'eighty',
    NODE_ENV: 'prod',
    TRUST_PROXY: 'sometimes',
    QUICK_EXIT_URL: 'javascript:alert(1)',
    RATE_LIMIT_MAX: '0',
    EXPORT_MAX_ATTACHMENT_MB: '99999',
  });
  assert.equal(problems.length, 6);
  for (const name of [
    'PORT',
    'NODE_ENV',
    'TRUST_PROXY',
    'QUICK_EXIT_URL',
    'RATE_LIMIT_MAX',
    'EXPORT_MAX_ATTACHMENT_MB',
  ]) {
    assert.ok(
      problems.some((problem) => problem.startsWith(`${name} `)),
      `${name} is named in ${problems.join(' | ')}`,
    );
  }
  assert.match(
    problems.find((problem) => problem.startsWith('PORT'))!,
    /whole number between 0 and 65535 \(got "eighty"\)/,
  );
});

test('a port out of range is refused', () => {
  assert.match(problemsFor({ PORT: '70000' })[0]!, /^PORT must be a whole number between 0 and 65535/);
});

test('a bad DATABASE_URL is named but its value (which may hold a password) is not echoed', () => {
  const [problem] = problemsFor({ DATABASE_URL: 'mysql://root:hunter2@localhost/db' });
  assert.match(problem!, /^DATABASE_URL must be empty \(SQLite in DATA_DIR\) or a postgres:\/\/ URL$/);
  assert.doesNotMatch(problem!, /hunter2/);
});

test('TRUST_PROXY takes true/false or a list of addresses; a hop count is refused (Fastify would trust nothing)', () => {
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  assert.match(problemsFor({ TRUST_PROXY: '2' })[0]!, /^TRUST_PROXY must be true, false, or a comma-separated list/);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.1.0/24' }).trustProxy, ['10.0.0.1', '10.0.1.0/24']);
});

test('production uses Secure cookies unless told otherwise', () => {
  assert.equal(loadConfig({ NODE_ENV: 'production' }).secureCookies, true);
  assert.equal(loadConfig({ NODE_ENV: 'production', SECURE_COOKIES: 'false' }).secureCookies, false);
});

test('PUBLIC_ORIGIN gives the origin and relying party id passkeys are bound to; the default is localhost:PORT', () => {
  assert.deepEqual(loadConfig({ PORT: '8080' }).publicOrigin, { origin: 'http://localhost:8080', rpId: 'localhost' });
  assert.deepEqual(loadConfig({ PUBLIC_ORIGIN: 'https://Logboek.example.org/' }).publicOrigin, {
    origin: 'https://logboek.example.org',
    rpId: 'logboek.example.org',
  });
  for (const bad of ['https://example.org/pad', 'ftp://example.org', 'https://127.0.0.1:8443', 'geen url']) {
    const [problem] = problemsFor({ PUBLIC_ORIGIN: bad });
    assert.match(problem!, /^PUBLIC_ORIGIN must /, bad);
  }
});

test('a closed case is kept CASE_RETENTION_MONTHS months (12 unless set, 1 to 120)', () => {
  assert.equal(loadConfig({}).caseRetentionMonths, 12);
  assert.equal(loadConfig({ CASE_RETENTION_MONTHS: '24' }).caseRetentionMonths, 24);
  for (const value of ['0', '121', 'twaalf', '1.5', '-3']) {
    const problems = problemsFor({ CASE_RETENTION_MONTHS: value });
    assert.equal(problems.length, 1, value);
    assert.match(problems[0]!, /^CASE_RETENTION_MONTHS /);
  }
});

test('metrics are off unless METRICS_PORT or METRICS_TOKEN is set; the metrics port is on the loopback address', () => {
  assert.deepEqual(loadConfig({}).metrics, { port: undefined, host: '127.0.0.1', token: undefined });
  const token = 'a'.repeat(64);
  assert.deepEqual(loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: token }).metrics, {
    port: 9464,
    host: '127.0.0.1',
    token,
  });
  assert.equal(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '::1' }).metrics.host, '::1');
});

test('metrics are refused on a host others can reach without a token, on the public port, or with a weak token', () => {
  assert.throws(() => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }), /METRICS_HOST .*METRICS_TOKEN/);
  assert.throws(() => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5' }), /METRICS_HOST/);
  assert.equal(
    loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'b'.repeat(40) }).metrics.host,
    '0.0.0.0',
  );
  assert.throws(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080' }), /METRICS_PORT must differ from PORT/);
  const short = 'kort-token';
  const [problem] = problemsFor({ METRICS_TOKEN: short });
  assert.match(problem!, /^METRICS_TOKEN must be 32 to 256/);
  // A token that is refused is not echoed into the error (it may be most of the real one).
  assert.doesNotMatch(problem!, new RegExp(short));
  assert.match(problemsFor({ METRICS_PORT: '70000' })[0]!, /^METRICS_PORT must be a whole number/);
});

test('TSA_URL and TSA_CERT_FILE (RFC 3161 timestamps, ADR 0043) go together; neither: no timestamps', () => {
  assert.equal(loadConfig({}).tsa, undefined);
  assert.deepEqual(loadConfig({ TSA_URL: 'https://tsa.example/tsr', TSA_CERT_FILE: 'tsa.pem' }).tsa, {
    url: 'https://tsa.example/tsr',
    certFile: path.resolve('tsa.pem'),
  });
  assert.match(problemsFor({ TSA_URL: 'https://tsa.example/tsr' })[0]!, /TSA_URL and TSA_CERT_FILE go together/);
  assert.match(problemsFor({ TSA_CERT_FILE: 'tsa.pem' })[0]!, /TSA_URL and TSA_CERT_FILE go together/);
  assert.match(
    problemsFor({ TSA_URL: 'ftp://tsa.example', TSA_CERT_FILE: 'tsa.pem' })[0]!,
    /^TSA_URL must be the http/,
  );
});

test('INSIGHTS_NOISE_EPSILON turns on Laplace noise with that ε (0.01 to 10); unset means no noise', () => {
  assert.equal(loadConfig({}).insightsNoiseEpsilon, undefined);
  assert.equal(loadConfig({ INSIGHTS_NOISE_EPSILON: '0.5' }).insightsNoiseEpsilon, 0.5);
  assert.equal(loadConfig({ INSIGHTS_NOISE_EPSILON: '2' }).insightsNoiseEpsilon, 2);
  for (const value of ['0', '0.001', '11', 'een', '-1', '1e3', 'Infinity', 'NaN']) {
    const problems = problemsFor({ INSIGHTS_NOISE_EPSILON: value });
    assert.equal(problems.length, 1, value);
    assert.match(problems[0]!, /^INSIGHTS_NOISE_EPSILON /);
  }
});
