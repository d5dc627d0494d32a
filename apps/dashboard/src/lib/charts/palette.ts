import type { Tone } from './spec';

export interface Palette {
  series: string[];
  accent: string;
  muted: string;
  grid: string;
  text: string;
}

const SLOTS = 10;

/** The chart colours of the current theme, read from the CSS custom properties in app.css. */
export function readPalette(element: Element = document.documentElement): Palette {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    series: Array.from({ length: SLOTS }, (_, i) => read(`--series-${i}`)),
    accent: read('--accent'),
    muted: read('--chart-muted'),
    grid: read('--chart-grid'),
    text: read('--text-muted'),
  };
}

export function toneColour(palette: Palette, tone: Tone): string {
  if (tone === 'accent') return palette.accent;
  if (tone === 'muted') return palette.muted;
  return palette.series[tone % palette.series.length] ?? palette.accent;
}

/** `#rrggbb` with an alpha, for fills under lines and faded bars. */
export function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  const [r, g, b] = match.slice(1).map((part) => Number.parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
