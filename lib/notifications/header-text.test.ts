import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerText } from './header-text';

describe('headerText', () => {
  it('turns line breaks and controls into single spaces, so nothing can start a new header', () => {
    expect(headerText('Intro\r\nBcc: victim@example.com')).toBe('Intro Bcc: victim@example.com');
    expect(headerText('a\u0000b\u202Ec\u2028d')).toBe('a b c d');
  });

  it('bounds the length with an ellipsis', () => {
    expect(headerText('x'.repeat(300))).toHaveLength(200);
    expect(headerText('x'.repeat(300)).endsWith('…')).toBe(true);
  });

  it('never lets CR or LF through, whatever the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !/[\r\n]/.test(headerText(text))));
  });
});
