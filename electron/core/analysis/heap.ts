// A binary min-heap of (key, node) with lazy deletion: Dijkstra outside Brandes (which keeps
// its own, ordered like networkx's).

export class MinHeap {
  private readonly key: Float64Array;
  private readonly node: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.key = new Float64Array(Math.max(1, capacity));
    this.node = new Int32Array(Math.max(1, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.key[0]!;
  }

  push(key: number, node: number): void {
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.key[p]! <= key) break;
      this.key[i] = this.key[p]!;
      this.node[i] = this.node[p]!;
      i = p;
    }
    this.key[i] = key;
    this.node[i] = node;
  }

  pop(): number {
    const top = this.node[0]!;
    const last = --this.size;
    if (last > 0) {
      const k = this.key[last]!;
      const nd = this.node[last]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        if (c + 1 < last && this.key[c + 1]! < this.key[c]!) c++;
        if (this.key[c]! >= k) break;
        this.key[i] = this.key[c]!;
        this.node[i] = this.node[c]!;
        i = c;
      }
      this.key[i] = k;
      this.node[i] = nd;
    }
    return top;
  }
}
