import { renderToStaticMarkup } from "react-dom/server";
import { SummaryCutNotice } from "./summary-cut-notice";

it("says how many groups are shown out of how many, that totals cover all, and how to see the rest", () => {
  const html = renderToStaticMarkup(<SummaryCutNotice shown={5000} total={15900} />);
  expect(html).toContain('role="status"');
  expect(html).toContain("Showing the first 5,000 of 15,900 groups");
  expect(html).toMatch(/totals cover all.*15,900/);
  expect(html).toContain("narrow the dates or filters");
});
