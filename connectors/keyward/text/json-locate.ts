/**
 * Line numbers for JSON files. `JSON.parse` gives neither the line of a value nor a usable
 * position for a syntax error (and its messages quote the input, which may be a secret), so
 * errors in Keyward and people JSON files are located with this small scanner instead. It is
 * only run on the error path.
 */

export type JsonPath = readonly (string | number)[];

/** Where a JSON text stops being valid, without quoting any of it. */
export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

class Fail {
  constructor(
    readonly pos: number,
    readonly reason: string,
  ) {}
}
class Found {
  constructor(readonly pos: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Scanner {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly target: JsonPath | undefined,
  ) {}

  run(): void {
    this.value([]);
    this.skip();
    if (this.pos < this.text.length) throw new Fail(this.pos, "unexpected content after the end of the document");
  }

  private skip(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private hit(path: JsonPath, at: number): void {
    const t = this.target;
    if (t && t.length === path.length && t.every((segment, i) => String(segment) === String(path[i]))) throw new Found(at);
  }

  private value(path: JsonPath): void {
    this.skip();
    this.hit(path, this.pos);
    const c = this.text[this.pos];
    if (c === "{") return this.object(path);
    if (c === "[") return this.array(path);
    if (c === '"') return void this.string();
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) return void (this.pos += word.length);
    }
    NUMBER.lastIndex = this.pos;
    if (NUMBER.exec(this.text)) return void (this.pos = NUMBER.lastIndex);
    throw new Fail(this.pos, c === undefined ? "the document ends too early (truncated?)" : "unexpected character");
  }

  private object(path: JsonPath): void {
    this.pos++;
    this.skip();
    if (this.text[this.pos] === "}") return void this.pos++;
    for (;;) {
      this.skip();
      if (this.text[this.pos] !== '"') throw new Fail(this.pos, "expected a property name in double quotes");
      const keyAt = this.pos;
      const key = this.propertyName(keyAt);
      this.hit([...path, key], keyAt);
      this.skip();
      if (this.text[this.pos] !== ":") throw new Fail(this.pos, "expected ':' after a property name");
      this.pos++;
      this.value([...path, key]);
      if (this.separator("}")) return;
    }
  }

  private array(path: JsonPath): void {
    this.pos++;
    this.skip();
    if (this.text[this.pos] === "]") return void this.pos++;
    for (let index = 0; ; index++) {
      this.value([...path, index]);
      if (this.separator("]")) return;
    }
  }

  private propertyName(at: number): string {
    const end = this.string();
    try {
      return JSON.parse(this.text.slice(at, end)) as string;
    } catch {
      throw new Fail(at, "an invalid escape in a property name");
    }
  }

  /** After a member: true at the closing bracket, false after a comma. */
  private separator(close: string): boolean {
    this.skip();
    const c = this.text[this.pos];
    this.pos++;
    if (c === close) return true;
    if (c === ",") return false;
    throw new Fail(this.pos - 1, c === undefined ? "the document ends too early (truncated?)" : `expected ',' or '${close}'`);
  }

  /** Scans a string starting at `pos`; returns the index after its closing quote. */
  private string(): number {
    let i = this.pos + 1;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (Number.isNaN(c)) throw new Fail(i, "the document ends inside a string (truncated?)");
      if (c === 0x22) break;
      if (c < 0x20) throw new Fail(i, "a control character inside a string");
      i += c === 0x5c ? 2 : 1;
    }
    this.pos = i + 1;
    return this.pos;
  }
}

function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < pos; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: pos - lineStart + 1 };
}

function scan(text: string, target: JsonPath | undefined): Found | Fail | undefined {
  try {
    new Scanner(text, target).run();
    return undefined;
  } catch (outcome) {
    if (outcome instanceof Found || outcome instanceof Fail) return outcome;
    // A RangeError from absurd nesting: the location is unknown, not a crash.
    return undefined;
  }
}

/** The line on which the value (or property) at `path` starts, when the text is valid JSON. */
export function lineOfJsonPath(text: string, path: JsonPath): number | undefined {
  const outcome = scan(text, path);
  return outcome instanceof Found ? lineAndColumn(text, outcome.pos).line : undefined;
}

/** Where and why `text` is not valid JSON; undefined when it is (or the place cannot be found). */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const outcome = scan(text, undefined);
  return outcome instanceof Fail ? { ...lineAndColumn(text, outcome.pos), reason: outcome.reason } : undefined;
}
