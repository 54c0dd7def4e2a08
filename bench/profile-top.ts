import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// `npx tsx bench/profile-top.ts <file.cpuprofile | folder> [count]`: the frames with the most self
// time in a V8 CPU profile (a folder: its largest profile, the app server's), for bench/RESULTS.md.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function largestProfile(folder: string): string {
  const files = readdirSync(folder).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(folder, name));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error(`no .cpuprofile in ${folder}`);
  return largest;
}

function frameName({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const where = url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '').replace(/^.*node_modules\//, '');
  return `${functionName || '(anonymous)'} ${where ? `${where.slice(-70)}:${lineNumber + 1}` : ''}`.trim();
}

function main(): void {
  const [target, countArg] = process.argv.slice(2);
  if (!target) throw new Error('usage: bench/profile-top.ts <file.cpuprofile | folder> [count]');
  const file = statSync(target).isDirectory() ? largestProfile(target) : target;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    totalMs += ms;
    const name = frameName(node.callFrame);
    selfMs.set(name, (selfMs.get(name) ?? 0) + ms);
  });
  const busyMs = totalMs - (selfMs.get('(idle)') ?? 0);
  console.log(`${path.basename(file)}: ${(totalMs / 1000).toFixed(1)} s sampled, ${(busyMs / 1000).toFixed(1)} s busy`);
  console.log('| self ms | % of busy | frame |\n| ---: | ---: | --- |');
  const top = [...selfMs].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 15));
  for (const [name, ms] of top) console.log(`| ${ms.toFixed(0)} | ${((100 * ms) / busyMs).toFixed(1)} | \`${name.replaceAll('|', '\\|')}\` |`);
}

main();
