import { CopyBinaryText } from "./copy-binary";

/** COPY's binary output for rows of text fields (null: SQL NULL), as PostgreSQL writes it. */
function copyBinary(rows: (string | null)[][], ext = Buffer.alloc(0)): Buffer {
  const parts = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.from([0, 0, 0, 0])];
  const len = Buffer.alloc(4);
  len.writeUInt32BE(ext.length);
  parts.push(len, ext);
  for (const row of rows) {
    const n = Buffer.alloc(2);
    n.writeInt16BE(row.length);
    parts.push(n);
    for (const f of row) {
      const b = f === null ? Buffer.alloc(0) : Buffer.from(f, "utf8");
      const l = Buffer.alloc(4);
      l.writeInt32BE(f === null ? -1 : b.length);
      parts.push(l, b);
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

const ROWS = [["a,b\r\n"], ['"q"\t\\x\n\r\n'], [""], ["é 漢字\r\n"], [null], ["x", "y\r\n"]];
const TEXT = 'a,b\r\n"q"\t\\x\n\r\né 漢字\r\nxy\r\n';

test("passes the fields' bytes through unchanged, however the output is split", () => {
  const all = copyBinary(ROWS, Buffer.from("ext"));
  for (let size = 1; size <= all.length; size++) {
    const p = new CopyBinaryText();
    const out: Buffer[] = [];
    for (let i = 0; i < all.length; i += size) out.push(p.push(all.subarray(i, i + size)));
    p.end();
    expect(Buffer.concat(out).toString("utf8")).toBe(TEXT);
    expect(p.rows).toBe(ROWS.length);
  }
});

test("refuses a truncated output and one that is not binary COPY", () => {
  const all = copyBinary(ROWS);
  const p = new CopyBinaryText();
  p.push(all.subarray(0, all.length - 2));
  expect(() => p.end()).toThrow("ended before its trailer");
  expect(() => new CopyBinaryText().push(Buffer.from("id\tname\n1\tAcme\n"))).toThrow("bad signature");
});
