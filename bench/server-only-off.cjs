// `node --require ./bench/server-only-off.cjs --import tsx bench/<script>.ts`: lets a bench script load
// server modules directly, as vitest does with its alias. `server-only` throws outside Next.js's
// server bundle; here it resolves to this file, which exports nothing.
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveServerOnly(request, ...rest) {
  return request === 'server-only' ? __filename : resolve.call(this, request, ...rest);
};
