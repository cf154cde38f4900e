/**
 * Where a `--cpu-prof` profile's time goes: self time by function (and by package for
 * node_modules), the top lines. argv: <file.cpuprofile> [lines]
 */
import { readFile } from 'node:fs/promises';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file = '', linesText = '25'] = process.argv.slice(2);
const profile = JSON.parse(await readFile(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (url: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1] ?? url;
  const src = /\/(src|bench|\.prerender)\/(.*)$/.exec(url);
  return src ? `${src[1]}/${src[2]}` : url.replace(/^.*\//, '') || '(native)';
};
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id);
  if (n === undefined) continue;
  const place = where(n.callFrame.url);
  const name = `${n.callFrame.functionName || '(anonymous)'} ${place}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byPlace.set(place, (byPlace.get(place) ?? 0) + us);
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(
      ([name, us]) =>
        `  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1e6).toFixed(1).padStart(6)} s  ${name}`,
    )
    .join('\n');
const n = Number(linesText);
console.log(
  `${(total / 1e6).toFixed(1)} s sampled on the main thread\nby function (self time):\n${top(byFunction, n)}\nby file or package:\n${top(byPlace, n)}`,
);
