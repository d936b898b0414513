// The running version (from package.json) and a small semantic-version comparison.
import pkg from "@/package.json";

export const APP_VERSION: string = pkg.version;

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

export function isVersion(v: unknown): v is string {
  return typeof v === "string" && v.length <= 64 && SEMVER.test(v);
}

/** True when `candidate` is a higher major.minor.patch than `current`. */
export function isNewerVersion(candidate: string, current: string): boolean {
  const a = SEMVER.exec(candidate);
  const b = SEMVER.exec(current);
  if (!a || !b) return false;
  for (let i = 1; i <= 3; i++) {
    const d = Number(a[i]) - Number(b[i]);
    if (d !== 0) return d > 0;
  }
  return false;
}
