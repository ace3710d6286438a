import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../paths.js';

/*
 * Every page mirrors in Arabic (docs/adr/0050) only if the stylesheet places things by logical properties
 * (margin-inline-start, inset-block-start, text-align: start). A physical one (margin-left, right: 0,
 * text-align: left, float: right, or a four-value margin or padding with different left and right) fails here.
 */
const stylesheet = readFileSync(path.join(projectRoot, 'src/assets/app.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The physical declarations in a stylesheet, as "line: declaration". */
function physicalDeclarations(css: string): string[] {
  const found: string[] = [];
  css.split('\n').forEach((line, index) => {
    const declaration = line.trim();
    const physical =
      /^(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)\b/.test(declaration) ||
      /^(?:left|right|top|bottom)\s*:/.test(declaration) ||
      /^border-(?:top|bottom)-(?:left|right)-radius\b/.test(declaration) ||
      /^(?:text-align|float|clear)\s*:\s*(?:left|right)\b/.test(declaration) ||
      fourValuesWithUnequalSides(declaration);
    if (physical) found.push(`${index + 1}: ${declaration}`);
  });
  return found;
}

/** margin: a b c d (or padding) with b ≠ d puts different space left and right: physical. */
function fourValuesWithUnequalSides(declaration: string): boolean {
  const match = /^(?:margin|padding|inset|border-width)\s*:\s*(.+?);?$/.exec(declaration);
  if (match === null) return false;
  const values = match[1]!
    .replace(/!important/, '')
    .trim()
    .split(/\s+(?![^(]*\))/);
  return values.length === 4 && values[1] !== values[3];
}

test('the stylesheet uses logical properties only, so every page mirrors right to left', () => {
  assert.deepEqual(physicalDeclarations(stylesheet), []);
});

test('the check sees physical properties (it is not vacuous)', () => {
  const physical = physicalDeclarations(
    '.a {\n  margin-left: 1rem;\n  right: 0;\n  text-align: left;\n  padding: 0 1rem 0 0;\n  border-top-left-radius: 2px;\n}',
  );
  assert.equal(physical.length, 5);
  assert.deepEqual(physicalDeclarations('.a {\n  margin-inline-start: 1rem;\n  padding: 0 1rem 0 1rem;\n}'), []);
});
