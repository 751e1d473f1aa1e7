import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STYLES = path.resolve(__dirname, '../../renderer/src/styles');
const COLOUR_LITERAL = /#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(/;

/** Every style file but the tokens, with its comments taken out. */
function featureStyles(): [string, string][] {
  return fs
    .readdirSync(STYLES)
    .filter((name) => name.endsWith('.css') && name !== 'tokens.css')
    .map((name) => [name, fs.readFileSync(path.join(STYLES, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')]);
}

describe('style tokens', () => {
  it('keeps every colour in tokens.css: the feature files name tokens, never a literal colour', () => {
    const literals = featureStyles().flatMap(([name, text]) =>
      text
        .split('\n')
        .map((line, index) => ({ line, at: `${name}:${index + 1}` }))
        .filter(({ line }) => COLOUR_LITERAL.test(line))
        .map(({ line, at }) => `${at} ${line.trim()}`),
    );
    expect(literals).toEqual([]);
  });

  it('defines every token the feature files use', () => {
    const tokens = fs.readFileSync(path.join(STYLES, 'tokens.css'), 'utf8');
    const defined = new Set([...tokens.matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
    const used = featureStyles().flatMap(([, text]) => [...text.matchAll(/var\((--[\w-]+)\)/g)].map((m) => m[1]));
    expect(used.filter((token) => !defined.has(token))).toEqual([]);
  });
});
