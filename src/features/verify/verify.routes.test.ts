import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appForSuite } from '../../../test/helpers/app.js';

const testApp = appForSuite('sqlite');

test('/verifieer forbids every connection in its CSP, explains the CLI without JavaScript, and serves its script', async () => {
  const app = testApp.app;
  const page = await app.inject({ method: 'GET', url: '/verifieer' });
  assert.equal(page.statusCode, 200);
  const csp = String(page.headers['content-security-policy']);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.match(page.body, /npm run cli -- verify-export/);
  assert.match(page.body, /<h1>Een export controleren<\/h1>/);
  const src = /<script src="(\/verifieer\/verifier\.[0-9a-f]{12}\.js)" defer/.exec(page.body)?.[1];
  assert.ok(src, 'the page loads its bundled script');
  const script = await app.inject({ method: 'GET', url: src });
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /javascript/);
  assert.match(String(script.headers['cache-control']), /immutable/);
  assert.doesNotMatch(script.body, /innerHTML|fetch\(|XMLHttpRequest/);
  assert.equal((await app.inject({ method: 'GET', url: '/verifieer/other.js' })).statusCode, 404);
  const english = await app.inject({ method: 'GET', url: '/verifieer', cookies: { taal: 'en' } });
  assert.match(english.body, /<h1>Check an export<\/h1>/);
  // Other pages keep the site-wide policy.
  assert.match(
    String((await app.inject({ method: 'GET', url: '/nu' })).headers['content-security-policy']),
    /connect-src 'self'/,
  );
});
