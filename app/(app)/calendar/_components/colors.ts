// Text on a project's colour: black or white, whichever contrasts more (WCAG relative luminance).

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function textColorOn(color: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return "#ffffff";
  const l = 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
  // Contrast with white is 1.05/(l+0.05), with black (l+0.05)/0.05: equal at l ≈ 0.179.
  return l > 0.179 ? "#0f172a" : "#ffffff";
}
