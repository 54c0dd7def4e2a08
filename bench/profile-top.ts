import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FlattenMap, originalPositionFor, type TraceMap } from '@jridgewell/trace-mapping';

// `npx tsx bench/profile-top.ts <file.cpuprofile | folder> [count] [--sources | --packages]`: the frames
// with the most self time in a V8 CPU profile (a folder: its largest profile, the app server's), for
// bench/RESULTS.md. The production build's chunks are minified; `--sources` maps each frame through the
// chunk's source map to its original function and file, `--packages` adds those up by npm package or
// app folder (where a booking's CPU goes: the framework, the driver, the query builder, our code).

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

type Grouping = 'frames' | 'sources' | 'packages';

function largestProfile(folder: string): string {
  const files = readdirSync(folder).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(folder, name));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error(`no .cpuprofile in ${folder}`);
  return largest;
}

function frameName({ functionName, url, lineNumber }: CallFrame): string {
  const where = url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '').replace(/^.*node_modules\//, '');
  return `${functionName || '(anonymous)'} ${where ? `${where.slice(-70)}:${lineNumber + 1}` : ''}`.trim();
}

/** Source maps of the build's chunks, read once each (null: the file has none). */
const sourceMaps = new Map<string, TraceMap | null>();

function sourceMapOf(url: string): TraceMap | null {
  if (!url.startsWith('file://') || !url.endsWith('.js')) return null;
  const file = url.slice('file://'.length);
  if (!sourceMaps.has(file)) sourceMaps.set(file, existsSync(`${file}.map`) ? new FlattenMap(readFileSync(`${file}.map`, 'utf8')) : null);
  return sourceMaps.get(file) ?? null;
}

/** A bundled frame's original function and file (Turbopack's `[project]/` prefix dropped). */
function originalFrame(frame: CallFrame): { name: string; source: string; line: number | null } | null {
  const map = sourceMapOf(frame.url);
  if (!map) return null;
  const original = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!original.source) return null;
  const source = original.source.replace(/^.*\[project\]\//, '').replace(/^(\.\.\/)+/, '');
  return { name: original.name ?? (frame.functionName || '(anonymous)'), source, line: original.line };
}

/** An npm package (`pkg:drizzle-orm`), Node's own code (`node:*`), an app folder (`lib/booking`), or a V8 entry such as `(garbage collector)`. */
function packageOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inPackage) return `pkg:${decodeURIComponent(inPackage[1]!)}`;
  if (source.startsWith('node:')) return 'node:*';
  if (!source.includes('/')) return source;
  return source.split('/').slice(0, 2).join('/').replace(/\.[a-z]+$/, '');
}

function groupName(frame: CallFrame, grouping: Grouping): string {
  if (grouping === 'frames') return frameName(frame);
  const where = frame.url.replace(/^file:\/\//, '');
  // A package's own file on disk is that package, whatever its own source map says.
  if (grouping === 'packages' && where.includes('node_modules/')) return packageOf(where);
  const original = originalFrame(frame);
  if (grouping === 'sources') return original ? `${original.name} ${original.source}:${original.line ?? '?'}` : frameName(frame);
  if (!original) return where ? packageOf(where) : frame.functionName;
  // A bundled package that shipped its own source maps points at its `src/`, no longer under its name.
  return original.source.startsWith('node_modules/src/') ? 'pkg:? (a bundled package’s own sources, node_modules/src/)' : packageOf(original.source);
}

function main(): void {
  const args = process.argv.slice(2);
  const grouping: Grouping = args.includes('--packages') ? 'packages' : args.includes('--sources') ? 'sources' : 'frames';
  const [target, countArg] = args.filter((arg) => !arg.startsWith('--'));
  if (!target) throw new Error('usage: bench/profile-top.ts <file.cpuprofile | folder> [count] [--sources | --packages]');
  const file = statSync(target).isDirectory() ? largestProfile(target) : target;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const names = new Map<number, string>();
  const selfMs = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    totalMs += ms;
    const name = node.callFrame.functionName === '(idle)' ? '(idle)' : (names.get(id) ?? groupName(node.callFrame, grouping));
    names.set(id, name);
    selfMs.set(name, (selfMs.get(name) ?? 0) + ms);
  });
  const busyMs = totalMs - (selfMs.get('(idle)') ?? 0);
  console.log(`${path.basename(file)}: ${(totalMs / 1000).toFixed(1)} s sampled, ${(busyMs / 1000).toFixed(1)} s busy`);
  console.log(`| self ms | % of busy | ${grouping === 'packages' ? 'package or folder' : 'frame'} |\n| ---: | ---: | --- |`);
  const top = [...selfMs].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 15));
  for (const [name, ms] of top) console.log(`| ${ms.toFixed(0)} | ${((100 * ms) / busyMs).toFixed(1)} | \`${name.replaceAll('|', '\\|')}\` |`);
}

main();
