// @ts-check
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ioModules = ['@/db', '@/db/*', '@/lib/database', 'drizzle-orm', 'drizzle-orm/*', 'postgres', 'next', 'next/*', 'inngest', 'inngest/*', 'resend', '@upstash/*', 'node:*', 'fs', 'net', 'http', 'https', 'child_process'];

// The floor plan (ARCHITECTURE.md §1): imports point down, app → components → lib → db, inngest → lib.
// lib's domains are layered low to high; a domain may import only the domains below it, so no two
// import each other both ways and no longer cycle can form. Move a primitive down rather than reorder.
// metrics (the Prometheus registry) sits low so every domain and the route wrapper can count;
// operations (readiness, the metrics scrape) and openapi (the document of every route) sit on top.
const libDomainsLowToHigh = ['scheduling', 'metrics', 'i18n', 'secrets', 'cache', 'jobs', 'hosts', 'auth', 'calendars', 'availability', 'booking', 'notifications', 'webhooks', 'accounts', 'actions', 'operations', 'openapi'];
/** The domains top-level lib/*.ts primitives may use: the pure slot engine, and the metrics they record. */
const primitiveDomains = ['scheduling', 'metrics'];

const oneOf = (names) => `(${names.join('|')})`;
const banned = (regex, message) => ({ regex, message });

/** The import patterns a file in lib/<domain> (or lib/*.ts when domain is null) may not use. */
function libFloor(domain, { test = false } = {}) {
  const rank = domain === null ? 0 : libDomainsLowToHigh.indexOf(domain);
  // Top-level lib/*.ts files are primitives: they may use only the pure slot engine and the metrics.
  const above = domain === null ? libDomainsLowToHigh.filter((d) => !primitiveDomains.includes(d)) : libDomainsLowToHigh.slice(rank + 1);
  return [
    banned('^@/(app|components)(/|$)', 'lib/ never imports app/ or components/ (imports point down; ARCHITECTURE.md §1).'),
    banned('^@/inngest(/|$)', 'lib/ never imports inngest/ (the job runner sits above lib).'),
    ...(above.length && !test ? [banned(`^@/lib/${oneOf(above)}(/|$)`, `lib/${domain ?? '*.ts'} may import only the lib domains below it (${libDomainsLowToHigh.join(' < ')}); move the shared piece down.`)] : []),
  ];
}

const schedulingIsPure = [{ group: ioModules, message: 'lib/scheduling is pure: no I/O imports (see ARCHITECTURE.md §2).' }];

function libFloorConfigs() {
  const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
  return [
    { files: ['lib/*.ts', 'lib/*.tsx'], rules: restrict(libFloor(null)) },
    ...libDomainsLowToHigh.map((domain) => ({
      files: [`lib/${domain}/**`],
      rules: restrict([...libFloor(domain), ...(domain === 'scheduling' ? schedulingIsPure : [])]),
    })),
    // A test beside the code may use a higher domain's helper (it is not part of the module graph).
    ...libDomainsLowToHigh.map((domain) => ({
      files: [`lib/${domain}/**/*.test.ts`, `lib/${domain}/**/*.test.tsx`],
      rules: restrict([...libFloor(domain, { test: true }), ...(domain === 'scheduling' ? schedulingIsPure : [])]),
    })),
  ];
}

const folderFloors = [
  { files: ['db/**'], patterns: [banned('^(@/|(\\.\\./)+)(lib|app|components|inngest|emails)(/|$)', 'db/ knows nothing of the folders above it: take configuration as arguments (lib/database.ts wires it).')] },
  { files: ['components/**'], patterns: [banned('^@/(db|inngest|app)(/|$)', 'components/ never imports db/, inngest/ or app/: load data in lib/ and pass it in.')] },
  { files: ['inngest/**'], patterns: [banned('^@/(app|components)(/|$)', 'inngest/ runs lib/ code; it never imports app/ or components/.')] },
  { files: ['emails/**'], patterns: [banned('^@/(app|components|inngest|lib|db)(/|$)', 'emails/ are templates fed plain props; lib/notifications imports them, not the other way.')] },
].map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } }));

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', '.next-*/**', '.data/**', 'next-env.d.ts', 'db/migrations/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // The slot engine is pure: no database, network, framework, clock-owning or queue imports (the
    // import half of this rule is in libFloorConfigs, since one file takes one no-restricted-imports).
    files: ['lib/scheduling/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'lib/scheduling takes `now` as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'lib/scheduling takes `now` as an argument.' },
      ],
    },
  },
  ...libFloorConfigs(),
  ...folderFloors,
  {
    // One verb shape (ARCHITECTURE.md, "Verb shape"): a host verb gets its actor in `ctx`, built once by
    // the route and action wrappers through hostContext(); no verb, and no action or route passing one
    // on, makes up a host actor itself.
    files: ['lib/hosts/**/*.ts', 'lib/calendars/**/*.ts', 'app/**/*.ts', 'app/**/*.tsx'],
    ignores: ['lib/hosts/host-write.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property:matches([key.name='kind'], [key.value='kind']):matches([value.value='host'], [value.expression.value='host'])",
          message: 'A verb takes its actor from ctx (verb(ctx, input)); only hostContext() in lib/hosts/host-write.ts builds a host actor.',
        },
      ],
    },
  },
  {
    // Only lib/env.ts reads the environment.
    files: ['app/**', 'lib/**', 'components/**', 'inngest/**', 'db/**', 'emails/**', 'proxy.ts'],
    ignores: ['lib/env.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
