import fs from 'node:fs';
import path from 'node:path';

// ESLint checks each import on its own; a cycle between libs only shows in the whole graph.
const LIBS = path.resolve(__dirname, '..', '..', 'libs');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

function libGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const lib of fs.readdirSync(LIBS)) {
    const deps = new Set<string>();
    for (const file of sourceFiles(path.join(LIBS, lib, 'src'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/from '@coil\/([\w-]+)'/g)) {
        if (match[1] !== lib) deps.add(match[1]);
      }
    }
    graph.set(lib, deps);
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const done = new Set<string>();
  const visit = (lib: string, trail: string[]): string[] | undefined => {
    if (trail.includes(lib)) return [...trail.slice(trail.indexOf(lib)), lib];
    if (done.has(lib)) return undefined;
    for (const dep of graph.get(lib) ?? []) {
      const cycle = visit(dep, [...trail, lib]);
      if (cycle) return cycle;
    }
    done.add(lib);
    return undefined;
  };
  for (const lib of graph.keys()) {
    const cycle = visit(lib, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the libs form a graph without cycles', () => {
  it('finds the libs and their imports', () => {
    const graph = libGraph();
    expect(graph.get('scoring-pass')).toEqual(expect.any(Set));
    expect([...(graph.get('scoring-pass') ?? [])]).toContain('settings');
  });

  it('has no cycle', () => {
    expect(findCycle(libGraph())).toBeUndefined();
  });

  it('would report one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
