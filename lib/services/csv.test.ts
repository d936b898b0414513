// CSV cells: quoting and formula-injection neutralisation.
import { csvCell, csvLine } from "./csv";

describe("csv", () => {
  it("quotes delimiters, quotes and newlines", () => {
    expect(csvCell('say "hi", ok', ",")).toBe('"say ""hi"", ok"');
    expect(csvCell("a;b", ";")).toBe('"a;b"');
    expect(csvCell("line\nbreak", ",")).toBe('"line\nbreak"');
  });
  it.each(["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx"])("neutralises formula %p", (s) => {
    expect(csvCell(s, ",").replace(/^"/, "").startsWith("'")).toBe(true);
  });
  it("leaves numbers and plain text alone", () => {
    expect(csvLine([1.5, "plain", null, true], ",")).toBe("1.5,plain,,true\r\n");
  });
});
