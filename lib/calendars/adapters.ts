import 'server-only';
import { googleAdapter } from './google/google-adapter';
import { microsoftAdapter } from './microsoft/microsoft-adapter';
import type { ProviderAdapter } from './provider-adapter';
import { type OAuthProvider, type ProviderConfig, requireProviderConfig } from './provider-config';

export function providerFor(provider: OAuthProvider): { config: ProviderConfig; adapter: ProviderAdapter } {
  const config = requireProviderConfig(provider);
  return { config, adapter: provider === 'google' ? googleAdapter(config.apiBase) : microsoftAdapter(config.apiBase) };
}
