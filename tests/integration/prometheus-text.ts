import { expect } from 'vitest';

// Reads Prometheus's text exposition format (0.0.4) the way a scraper would: every line is a
// comment (# HELP / # TYPE), blank, or `name{label="value",…} number`. Fails the test on anything else.

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|Nan|[+-]Inf)$/;
const COMMENT = /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$/;

/** Samples by their series as written (`name{labels}`), e.g. `rendezvous_bookings_created_total{via="book"}`. */
export function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || COMMENT.test(line)) continue;
    const match = SAMPLE.exec(line);
    expect(match, `not a Prometheus sample line: ${line}`).not.toBeNull();
    samples.set(`${match![1]}${match![2] ?? ''}`, Number(match![3]!.replace(/^Nan$/, 'NaN')));
  }
  return samples;
}
