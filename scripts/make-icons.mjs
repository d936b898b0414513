// Rasterises the app icons in public/ from the two hand-drawn SVGs (public/icons/icon.svg and the
// full-bleed maskable.svg, whose mark sits inside the 80 % safe zone). Run after editing an SVG:
// `node scripts/make-icons.mjs`; the PNGs and favicon.ico are committed, so builds need no image tool.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..");
const icons = path.join(root, "public/icons");
const svg = (name) => fs.readFileSync(path.join(icons, name));

async function png(source, size, out) {
  const buf = await sharp(svg(source), { density: 384 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
  if (out) fs.writeFileSync(path.join(root, out), buf);
  return buf;
}

/** An .ico holding PNG images (valid since Windows Vista; every current browser reads it). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const dir = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...dir, ...images.map((i) => i.data)]);
}

await png("icon.svg", 192, "public/icons/icon-192.png");
await png("icon.svg", 512, "public/icons/icon-512.png");
await png("maskable.svg", 512, "public/icons/maskable-512.png");
// iOS draws its own rounded corners over a full square.
await png("maskable.svg", 180, "public/icons/apple-touch-icon.png");
const small = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png("icon.svg", size) })));
fs.writeFileSync(path.join(root, "public/favicon.ico"), ico(small));
console.log("icons written to public/icons and public/favicon.ico");
