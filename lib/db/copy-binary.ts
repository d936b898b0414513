// Reads PostgreSQL's binary COPY format (COPY … TO STDOUT (FORMAT binary)) as a byte stream and
// keeps only the fields' bytes, concatenated: for a SELECT of one text column that already holds
// whole CSV lines, the output is the file. Binary rather than text format because text format
// escapes tabs, line breaks and backslashes inside values; binary passes them as they are.
// https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

type State = "signature" | "flags" | "extLength" | "ext" | "count" | "length" | "data" | "end";
const FIXED: Partial<Record<State, number>> = { signature: 11, flags: 4, extLength: 4, count: 2, length: 4 };

export class CopyBinaryText {
  private state: State = "signature";
  private readonly scratch = Buffer.alloc(11);
  private have = 0; // bytes of the current fixed-size field gathered so far (it may span chunks)
  private left = 0; // bytes of the header extension to skip, or of a field to pass on
  private fields = 0; // fields left in the current row
  /** Rows read so far. */
  rows = 0;

  /** The fields' bytes in this chunk of the COPY output (empty when it held only framing). */
  push(chunk: Buffer): Buffer {
    const out: Buffer[] = [];
    let i = 0;
    while (i < chunk.length) {
      const fixed = FIXED[this.state];
      if (fixed !== undefined) {
        const n = Math.min(fixed - this.have, chunk.length - i);
        if (this.have === 0 && n === fixed) {
          this.field(chunk, i); // the common case: the whole field in this chunk, no copy
        } else {
          chunk.copy(this.scratch, this.have, i, i + n);
          this.have += n;
          if (this.have === fixed) this.field(this.scratch, 0);
        }
        i += n;
        if (this.have === fixed) this.have = 0;
        continue;
      }
      if (this.state === "end") throw new Error("COPY binary: data after the trailer");
      const n = Math.min(this.left, chunk.length - i);
      if (this.state === "data") out.push(chunk.subarray(i, i + n));
      this.left -= n;
      i += n;
      if (this.left === 0) this.afterField();
    }
    return out.length === 1 ? out[0] : Buffer.concat(out);
  }

  /** Throws unless the whole COPY output (up to its trailer) was read. */
  end(): void {
    if (this.state !== "end") throw new Error("COPY binary: the output ended before its trailer");
  }

  private field(b: Buffer, at: number): void {
    // A fixed-size field is complete when this runs; "have" is reset by the caller.
    this.have = FIXED[this.state]!;
    switch (this.state) {
      case "signature":
        if (!b.subarray(at, at + 11).equals(SIGNATURE)) throw new Error("COPY binary: bad signature");
        this.state = "flags";
        break;
      case "flags":
        if (b.readUInt32BE(at) & 0x10000) throw new Error("COPY binary: OIDs are not supported");
        this.state = "extLength";
        break;
      case "extLength":
        this.left = b.readUInt32BE(at);
        this.state = this.left ? "ext" : "count";
        break;
      case "count": {
        const n = b.readInt16BE(at);
        if (n === -1) this.state = "end";
        else {
          this.rows++;
          this.fields = n;
          this.state = n ? "length" : "count";
        }
        break;
      }
      case "length": {
        const len = b.readInt32BE(at);
        if (len <= 0)
          this.afterField(); // -1: NULL, 0: empty: no bytes
        else {
          this.left = len;
          this.state = "data";
        }
        break;
      }
    }
  }

  private afterField(): void {
    if (this.state === "ext") {
      this.state = "count";
      return;
    }
    this.fields--;
    this.state = this.fields ? "length" : "count";
  }
}
