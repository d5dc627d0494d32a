import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from '@byline/config';

/** Listed operation bodies by the sha256 (hex) of their text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** Apollo's persisted query manifest, as `generate-persisted-query-manifest` and codegen write it. */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase sha256 hex digest'),
      name: z.string().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads every manifest; a missing, malformed or forged one (an id that is not its body's hash) throws. */
export function loadTrustedDocuments(paths: string[]): TrustedDocuments {
  const documents = new Map<string, string>();
  for (const path of paths) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: ${error instanceof Error ? error.message : error}`);
    }
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${path}: not a persisted query manifest (${issue?.path.join('.')}: ${issue?.message})`);
    }
    for (const { id, name, body } of parsed.data.operations) {
      if (sha256Hex(body) !== id)
        throw new Error(`${path}: operation ${name} has an id that is not the sha256 of its body`);
      documents.set(id, body);
    }
  }
  return documents;
}
