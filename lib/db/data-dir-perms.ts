// The embedded database's folder holds every note, email and password hash: only the account that
// runs TimeTracker may read it. Earlier versions left it as PGlite made it (0755 folders, 0666
// files, readable by every local user). Now the folder is created 0700, PGlite's own files are kept
// private as it creates them (lib/db/private-nodefs.ts), and a folder left open by an earlier
// version is tightened here, at start, before the database opens it.
import fs from "node:fs";
import path from "node:path";

export interface TightenResult {
  /** Folders and files whose mode let the group or others in (those bits are now cleared). */
  tightened: number;
  checked: number;
}

/** Makes `dir` (created if missing, 0700) and everything under it private to this user. */
export function secureDataDir(dir: string): TightenResult {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const result: TightenResult = { tightened: 0, checked: 0 };
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return; // never follow a link out of the folder
    result.checked++;
    if (st.mode & 0o077) {
      fs.chmodSync(p, st.mode & 0o700); // the owner's bits stay, the group's and others' go
      result.tightened++;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return result;
}
