import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { configuredOAuthProviders } from './oauth-buttons';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function configure(values: Record<string, string>) {
  for (const name of ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'MICROSOFT_CLIENT_ID', 'MICROSOFT_CLIENT_SECRET']) delete process.env[name];
  Object.assign(process.env, values);
  resetEnvForTests();
}

describe('configuredOAuthProviders', () => {
  it('shows no OAuth sign-in when nothing is configured, or only half of a provider', () => {
    configure({});
    expect(configuredOAuthProviders()).toEqual([]);
    configure({ GOOGLE_CLIENT_ID: 'id-only' });
    expect(configuredOAuthProviders()).toEqual([]);
  });

  it('shows each provider whose client id and secret are both set', () => {
    configure({ GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 's', MICROSOFT_CLIENT_ID: 'm', MICROSOFT_CLIENT_SECRET: 't' });
    expect(configuredOAuthProviders().map((p) => p.name)).toEqual(['Google', 'Microsoft']);
  });
});
