import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { locales } from './locales';

// Every language has exactly English's keys, each message parses as ICU, and each uses the same
// placeholders (arguments, plural/select arguments and rich-text tags) as its English original.

const dir = path.join(process.cwd(), 'messages');
const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') return out.set(prefix, value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${prefix}: not a string or a group`);
  for (const [key, child] of Object.entries(value)) {
    for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(`{${element.value}}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(`{${element.value}, ${element.type === TYPE.plural ? 'plural' : 'select'}}`);
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
    if (element.type === TYPE.tag) {
      found.add(`<${element.value}>`);
      placeholders(element.children, found);
    }
  }
  return found;
}

const english = flatten(load('en.json'));

describe('message catalogues', () => {
  it('has one catalogue per supported language and no other', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual(locales.map((l) => `${l}.json`).sort());
  });

  for (const locale of locales) {
    const messages = flatten(load(`${locale}.json`));

    it(`${locale}: has every English key and no extra one`, () => {
      expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([]);
      expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([]);
    });

    it(`${locale}: every message is valid ICU with the English placeholders`, () => {
      for (const [key, message] of messages) {
        const source = english.get(key);
        if (source === undefined) continue;
        expect(message.trim(), key).not.toBe('');
        expect([...placeholders(parse(message))].sort(), key).toEqual([...placeholders(parse(source))].sort());
      }
    });
  }
});
