import "server-only";

/*
 * Suspects repeated natural keys, cheaply: a 64-bit hash per key, plus the number of the unit that
 * last staged it, in a typed-array open-addressing table (no per-key objects for the garbage
 * collector; 12 bytes a slot). A false alarm (two keys, one hash) only switches on an exact SQL
 * step (merge-sql.ts) that would otherwise be skipped, so it can never lose or merge records.
 */

let lo = 0;
let hi = 0;

/** Two 32-bit halves of cyrb53 (public domain) of `text`, left in `lo`/`hi` (no allocation). */
function hash64(text: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  lo = h1 >>> 0;
  hi = (h2 | 1) >>> 0; // never 0 (a zero `hi` marks an empty slot); unsigned, like the Uint32Array
}

/** What `KeySet.add` found: new, staged before by the same unit, or by an earlier unit of the run. */
export const Repeat = { New: 0, SameUnit: 1, EarlierUnit: 2 } as const;
export type Repeat = (typeof Repeat)[keyof typeof Repeat];

const WIDTH = 3;

export class KeySet {
  private slots = new Uint32Array(WIDTH * 1024);
  private size = 0;

  /** Records that `unit` (≥ 1) staged `key`. */
  add(key: string, unit: number): Repeat {
    if ((this.size + 1) * 4 > (this.slots.length / WIDTH) * 3) this.grow();
    hash64(key);
    return this.put(lo, hi, unit);
  }

  private put(a: number, b: number, unit: number): Repeat {
    const mask = this.slots.length / WIDTH - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const at = WIDTH * i;
      if (this.slots[at + 1] === 0) {
        this.slots[at] = a;
        this.slots[at + 1] = b;
        this.slots[at + 2] = unit;
        this.size += 1;
        return Repeat.New;
      }
      if (this.slots[at] === a && this.slots[at + 1] === b) {
        const previous = this.slots[at + 2];
        this.slots[at + 2] = unit;
        return previous === unit ? Repeat.SameUnit : Repeat.EarlierUnit;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.size = 0;
    for (let at = 0; at < old.length; at += WIDTH) if (old[at + 1] !== 0) this.put(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}
