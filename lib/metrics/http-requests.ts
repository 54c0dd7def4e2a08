import { appMetrics } from './registry';

// Request durations by route pattern (`/api/v1/bookings/[id]/cancel`), never by raw path: a route
// handler knows its path and its params but not its file's pattern, so each param's value is put back
// as its name. A crafted id equal to a fixed word of its route may land in the wrong place; past
// MAX_ROUTE_LABELS patterns a process labels any new one `other`, so no request can add series at will.

const MAX_ROUTE_LABELS = 200;
const OTHER_ROUTE = 'other';
const seenRoutes = new Set<string>();
const statusClasses = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  const fragment = url.indexOf('#', start);
  const end = Math.min(query < 0 ? url.length : query, fragment < 0 ? url.length : fragment);
  return url.slice(start, end);
}

/** Next.js hands a route without dynamic segments no params at all (undefined), not `{}`. */
type RouteParams = Readonly<Record<string, unknown>> | undefined;

function hasParams(params: RouteParams): boolean {
  for (const _ in params) return true;
  return false;
}

/** The route's pattern: the request path with each param's value (a catch-all's values together) replaced by its name. */
export function routePattern(url: string, params: RouteParams): string {
  const path = pathOf(url);
  // The common case, a route without params seen before (the availability route), costs a lookup.
  if (!hasParams(params) && seenRoutes.has(path)) return path;
  const segments = path.split('/').filter(Boolean).map(decoded);
  let from = 0;
  for (const [name, value] of Object.entries(params ?? {})) {
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    if (values.length === 0) continue;
    const at = segments.findIndex((segment, index) => index >= from && values.every((v, offset) => segments[index + offset] === v));
    if (at < 0) continue;
    segments.splice(at, values.length, Array.isArray(value) ? `[...${name}]` : `[${name}]`);
    from = at + 1;
  }
  return `/${segments.join('/')}`;
}

function boundedLabel(pattern: string): string {
  if (seenRoutes.has(pattern)) return pattern;
  if (seenRoutes.size >= MAX_ROUTE_LABELS) return OTHER_ROUTE;
  seenRoutes.add(pattern);
  return pattern;
}

/** Records one handled request; `startedAt` is a performance.now() reading from when it arrived. */
export function observeRequest(request: Request, params: RouteParams, status: number, startedAt: number): void {
  const route = boundedLabel(routePattern(request.url, params));
  const statusClass = statusClasses[Math.floor(status / 100) - 1] ?? '5xx';
  const method = methods.has(request.method) ? request.method : 'other';
  appMetrics().httpDuration.observe({ route, method, status_class: statusClass }, (performance.now() - startedAt) / 1000);
}
