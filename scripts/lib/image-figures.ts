// The image's size figures for docs/deployment.md: layers, bytes above the base image, the largest
// layers (by Dockerfile instruction) and the largest folders the app adds under /app.
import type { Engine } from "./image-engine";

export interface ImageFigures {
  image: string;
  base?: string;
  layers: number;
  baseLayers?: number;
  imageMB: number;
  appLayersMB?: number;
  largestLayers: { mb: number; instruction: string }[];
  largestParts: { mb: number; path: string }[];
  firstStartMs: number;
  firstRunMs: number;
  restartMs: number;
  postgresStartMs: number;
  stopMs: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

export function imageFigures(
  engine: Engine,
  image: string,
  base: string | undefined,
): Omit<ImageFigures, "firstStartMs" | "firstRunMs" | "restartMs" | "postgresStartMs" | "stopMs"> {
  const img = engine.imageConfig(image);
  const baseInfo = base ? engine.imageConfig(base) : undefined;
  const history = engine.history(image);
  const largestLayers = history
    .slice(0, baseInfo ? history.length - engine.history(base!).length : history.length)
    .filter((h) => h.size >= 50_000)
    .sort((a, b) => b.size - a.size)
    .slice(0, 5)
    .map((h) => ({ mb: mb(h.size), instruction: h.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, "").slice(0, 90) }));
  // du inside the image: the same on podman and docker, and on the official Node base too.
  const du = engine.run([
    "run",
    "--rm",
    "--network",
    "none",
    "--entrypoint",
    "sh",
    image,
    "-c",
    "du -sk /app/node_modules/[!@]* /app/node_modules/@*/* /app/.next/* /app/public /app/prisma /app/docs 2>/dev/null | sort -rn | head -40",
  ]).out;
  const parts = du
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [kb, p] = l.split("\t");
      return { mb: mb(Number(kb) * 1024), path: p };
    })
    // A scope folder (@prisma) is counted by its packages, not itself.
    .filter((p) => !/^\/app\/node_modules\/@[^/]+$/.test(p.path))
    .slice(0, 8);
  return {
    image,
    base,
    layers: img.layers.length,
    baseLayers: baseInfo?.layers.length,
    imageMB: mb(img.size),
    appLayersMB: baseInfo ? mb(img.size - baseInfo.size) : undefined,
    largestLayers,
    largestParts: parts,
  };
}
