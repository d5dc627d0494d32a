import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface PrintedSubgraph {
  name: string;
  routingUrl: string;
  sdl: string;
}

export type SchemaFiles = Map<string, string>;

export type ComposeResult = { ok: true; files: SchemaFiles } | { ok: false; errors: string[] };

/**
 * Composes printed subgraphs into a supergraph. On success returns what the
 * `schema/` folder should hold: each `<name>.graphql` and `supergraph.graphql`.
 */
export function composeSupergraph(printed: PrintedSubgraph[]): ComposeResult {
  const errors: string[] = [];
  const services: Parameters<typeof composeServices>[0] = [];
  for (const subgraph of printed) {
    try {
      services.push({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) });
    } catch (error) {
      errors.push(`${subgraph.name}: SDL does not parse: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const result = composeServices(services);
  if (result.errors) {
    return { ok: false, errors: result.errors.map((error) => `${error.extensions.code ?? 'ERROR'}: ${error.message}`) };
  }
  const files: SchemaFiles = new Map();
  for (const subgraph of printed) files.set(`${subgraph.name}.graphql`, withFinalNewline(subgraph.sdl));
  files.set('supergraph.graphql', withFinalNewline(result.supergraphSdl));
  return { ok: true, files };
}

export interface FileDifference {
  file: string;
  /** What is wrong, e.g. `missing` or `line 12: expected "…", found "…"`. */
  hint: string;
}

/** Compares the expected files with what is on disk (`read` returns undefined for a missing file). */
export function compareSchemaFiles(
  expected: SchemaFiles,
  read: (file: string) => string | undefined,
): FileDifference[] {
  const differences: FileDifference[] = [];
  for (const [file, want] of expected) {
    const found = read(file);
    if (found === undefined) differences.push({ file, hint: 'missing' });
    else if (found !== want) differences.push({ file, hint: firstDifference(want, found) });
  }
  return differences;
}

function firstDifference(want: string, found: string): string {
  const wantLines = want.split('\n');
  const foundLines = found.split('\n');
  const length = Math.max(wantLines.length, foundLines.length);
  for (let index = 0; index < length; index++) {
    const expectedLine = wantLines[index];
    const foundLine = foundLines[index];
    if (expectedLine !== foundLine) {
      return `line ${index + 1}: expected ${describe(expectedLine)}, found ${describe(foundLine)}`;
    }
  }
  return 'differs';
}

function describe(line: string | undefined): string {
  if (line === undefined) return 'end of file';
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 77)}...` : line);
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
