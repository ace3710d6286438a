import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../paths.js';

/*
 * Every `data-module` a view renders has a script that starts it, and every module a script starts is rendered
 * somewhere: a marker without a script promises behaviour nobody gets, a script without a marker is dead code.
 */

const sourceRoot = path.join(projectRoot, 'src');

function filesUnder(directory: string, extension: RegExp): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extension.test(entry.name) && !entry.name.includes('.test.'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const matchesIn = (files: string[], pattern: RegExp): Map<string, string[]> => {
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const name = match[1]!;
      found.set(name, [...(found.get(name) ?? []), path.relative(projectRoot, file)]);
    }
  }
  return found;
};

/** Modules the views render. */
const rendered = matchesIn(filesUnder(sourceRoot, /\.tsx$/), /data-module="(app-[a-z-]+)"/g);

/** Modules the scripts start: app.js's init table, and the page scripts that look for their own module. */
const scripts = [
  ...filesUnder(path.join(sourceRoot, 'assets'), /\.js$/),
  path.join(sourceRoot, 'features/verify/verify.client.ts'),
];
const started = new Map([
  ...matchesIn(scripts, /^\s+'(app-[a-z-]+)': init[A-Z]\w*,$/gm),
  ...matchesIn(scripts, /\[data-module="(app-[a-z-]+)"\]/g),
]);

test('the views render the modules the scripts start, and the scripts are found', () => {
  assert.ok(rendered.has('app-quick-exit') && started.has('app-quick-exit'), 'the patterns find the quick exit');
  assert.ok(started.has('app-passkey') && started.has('app-verify'), 'the page scripts are read too');
});

test('every data-module a view renders is started by a script', () => {
  const withoutScript = [...rendered].filter(([name]) => !started.has(name));
  assert.deepEqual(withoutScript, [], 'data-module values with no script behind them (and where they are)');
});

test('every module a script starts is rendered by some view', () => {
  const unused = [...started].filter(([name]) => !rendered.has(name));
  assert.deepEqual(unused, [], 'modules no view renders (and the scripts that start them)');
});
