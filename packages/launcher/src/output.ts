import type { LineSink } from './process.js';

const palette = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94]; // cyan, magenta, yellow, green, blue, then bright ones
const useColour =
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
    ? true
    : process.stdout.isTTY === true && process.env.NO_COLOR === undefined;

const paint = (code: number, text: string) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);

/** `[name] ` padded to `width` and coloured by `index`, so every service's lines line up and stand apart. */
export function prefixedOutput(name: string, index: number, width: number): LineSink {
  const prefix = paint(palette[index % palette.length] ?? 0, `[${name}]`.padEnd(width + 2));
  return (line, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(`${prefix} ${line}\n`);
}

export const bold = (text: string) => paint(1, text);
export const red = (text: string) => paint(31, text);
