// PGlite's Node file system (Emscripten's NODEFS, mounted on DATA_DIR), with every mode it sets
// stripped of the group's and others' bits. The process umask is NOT enough here (checked: with
// umask 077 the cluster's files still came out 0666): Emscripten applies its own in-WASM umask,
// which PostgreSQL sets, and then chmods each new file to the resulting mode with fs.chmodSync,
// which no umask filters. Masking here is also narrower than a process-wide umask: only PGlite's
// files are affected, for as long as it runs (it keeps creating WAL segments and relation files).
import { NodeFS } from "@electric-sql/pglite/nodefs";

export const PRIVATE_MASK = 0o077;

type Attr = { mode?: number };
type Ops = Record<string, ((...a: unknown[]) => unknown) | undefined>;
interface EmscriptenNodeFs {
  node_ops: Ops;
  stream_ops: Ops;
}

/** Wraps NODEFS's mknod (create file/folder) and setattr (chmod, fchmod) once per module. */
function maskModes(nodefs: EmscriptenNodeFs & { __ttPrivate?: true }): void {
  if (nodefs.__ttPrivate) return;
  nodefs.__ttPrivate = true;
  const mknod = nodefs.node_ops.mknod!;
  nodefs.node_ops.mknod = (parent, name, mode, dev) => mknod(parent, name, (mode as number) & ~PRIVATE_MASK, dev);
  for (const ops of [nodefs.node_ops, nodefs.stream_ops]) {
    const setattr = ops.setattr;
    if (!setattr) continue;
    ops.setattr = (target, attr) => {
      const a = attr as Attr;
      return setattr(target, a.mode == null ? a : { ...a, mode: a.mode & ~PRIVATE_MASK });
    };
  }
}

export class PrivateNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>): ReturnType<NodeFS["init"]> {
    const { emscriptenOpts } = await super.init(...args);
    const preRun = (emscriptenOpts.preRun ?? []) as ((mod: { NODEFS: EmscriptenNodeFs }) => void)[];
    return {
      emscriptenOpts: {
        ...emscriptenOpts,
        // Before the mount (and PGlite's initdb) creates the first file.
        preRun: [(mod: { NODEFS: EmscriptenNodeFs }) => maskModes(mod.NODEFS), ...preRun],
      } as typeof emscriptenOpts,
    };
  }
}
