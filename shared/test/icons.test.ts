/**
 * `@iam-testbed/shared/icons`: the icon shapes the console and the extension both draw, as data.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ICON_SVG_ATTRIBUTES, ICONS } from '../src/icons.js';

const ROOT = new URL('../', import.meta.url);

test('the ./icons export (source and packed) is the icon table', async () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
    exports: Record<string, string>;
    publishConfig: { exports: Record<string, { types: string; default: string }> };
  };
  expect(pkg.exports['./icons']).toBe('./src/icons.ts');
  expect(pkg.publishConfig.exports['./icons']).toEqual({
    types: './dist/src/icons.d.ts',
    default: './dist/src/icons.js',
  });
  const mod = (await import(new URL(pkg.exports['./icons']!, ROOT).href)) as Record<
    string,
    unknown
  >;
  expect(mod.ICONS).toBe(ICONS);
});

test('every icon is drawn inside the 24×24 box with known elements and numeric geometry', () => {
  expect(ICON_SVG_ATTRIBUTES.viewBox).toBe('0 0 24 24');
  expect(Object.keys(ICONS).length).toBeGreaterThan(10);
  for (const [name, elements] of Object.entries(ICONS)) {
    expect(elements.length, name).toBeGreaterThan(0);
    for (const [tag, attributes] of elements) {
      const expected = {
        circle: ['cx', 'cy', 'r'],
        path: ['d'],
        rect: ['x', 'y', 'width', 'height', 'rx'],
      }[tag];
      expect(Object.keys(attributes), `${name} ${tag}`).toEqual(expected);
      for (const key of expected.filter((k) => k !== 'd')) {
        const n = Number(attributes[key]);
        expect(n >= 0 && n <= 24, `${name} ${tag} ${key}=${attributes[key]}`).toBe(true);
      }
    }
  }
});
