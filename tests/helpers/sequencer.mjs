// Longest test files first, so that neither worker is left with a long file at the end. Jest's own
// order uses the durations of the previous run, else file size; on a fresh clone (CI) file size
// would start the longest file, summary-equivalence (short file, a minute of SQL), last. The hints
// below (seconds, measured with TT_TEST_CPU_REPORT) stand in until Jest has durations of its own.
import path from "node:path";
import jestSequencer from "@jest/test-sequencer";

const Sequencer = jestSequencer.default ?? jestSequencer;

const HINT_SECONDS = {
  "tests/bad-input.test.ts": 59,
  "tests/summary-equivalence.test.ts": 54,
  "tests/authz-matrix.test.ts": 39,
  "tests/sentry-server.test.ts": 15, // three child processes: little CPU in the worker, but slow
  "tests/telemetry.test.ts": 7,
};

export default class LongestFirst extends Sequencer {
  sort(tests) {
    const estimate = (t) => {
      const hint = HINT_SECONDS[path.relative(t.context.config.rootDir, t.path).split(path.sep).join("/")];
      return this.time(t) ?? (hint === undefined ? undefined : hint * 1000);
    };
    const size = (t) => t.context.hasteFS.getSize(t.path) ?? 0;
    return [...tests].sort((a, b) => {
      const fa = this.hasFailed(a);
      const fb = this.hasFailed(b);
      if (fa !== fb) return fa ? -1 : 1;
      const ea = estimate(a) ?? size(a) / 10; // ~1 ms per 10 bytes of test code when nothing is known
      const eb = estimate(b) ?? size(b) / 10;
      return eb - ea;
    });
  }
}
