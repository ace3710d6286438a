import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { organisationsFile } from '../../paths.js';
import { nationalLines } from './national-lines.js';
import { emergencyNumbers } from './phone-link.js';

test('the numbers shown without the database match the organisations data', () => {
  const organisations = (
    JSON.parse(readFileSync(organisationsFile, 'utf8')) as { organisations: { slug: string; phone?: string }[] }
  ).organisations;
  const phoneOf = (slug: string) => organisations.find((organisation) => organisation.slug === slug)?.phone;
  assert.equal(phoneOf('alarmnummer-112'), nationalLines.alarm.phone);
  assert.equal(phoneOf('politie'), nationalLines.politie.phone);
  assert.equal(phoneOf('veilig-thuis'), nationalLines['veilig-thuis'].phone);
  assert.equal(phoneOf('centrum-seksueel-geweld'), nationalLines.csg.phone);
  assert.equal(phoneOf('helpwanted'), nationalLines.helpwanted.phone);
  assert.equal(phoneOf('meld-misdaad-anoniem'), nationalLines['meld-misdaad-anoniem'].phone);
  assert.equal(phoneOf('slachtofferhulp-nederland'), nationalLines.slachtofferhulp.phone);
  assert.equal(phoneOf('akj-vertrouwenspersoon'), nationalLines.akj.phone);
  assert.deepEqual(emergencyNumbers, {
    emergency: nationalLines.alarm.phone,
    police: nationalLines.politie.phone,
    veiligThuis: nationalLines['veilig-thuis'].phone,
  });
});
