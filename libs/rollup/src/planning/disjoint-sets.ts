/** Union-find over string ids: which ids a batch says belong to one person. */
export class DisjointSets {
  private readonly parent = new Map<string, string>();

  add(id: string): void {
    if (!this.parent.has(id)) this.parent.set(id, id);
  }

  root(id: string): string {
    let current = id;
    while (this.parent.get(current) !== current) current = this.parent.get(current)!;
    this.parent.set(id, current);
    return current;
  }

  union(a: string, b: string): void {
    this.add(a);
    this.add(b);
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA !== rootB) this.parent.set(rootA, rootB);
  }

  /** Ids by root; every member list sorted. */
  groups(): Map<string, string[]> {
    const byRoot = new Map<string, string[]>();
    for (const id of [...this.parent.keys()].sort()) {
      const root = this.root(id);
      const members = byRoot.get(root);
      if (members) members.push(id);
      else byRoot.set(root, [id]);
    }
    return byRoot;
  }
}
