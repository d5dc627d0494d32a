import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PrintedSubgraph } from './compose.js';
import type { SubgraphSource } from './subgraphs.js';

const run = promisify(execFile);

/** Runs each subgraph's print script (built output, so `pnpm build` first) and collects its SDL. */
export async function printSubgraphs(sources: SubgraphSource[], repoRoot: string): Promise<PrintedSubgraph[]> {
  return Promise.all(
    sources.map(async (source) => {
      const script = join(repoRoot, source.printScript);
      if (!existsSync(script)) throw new Error(`${source.name}: ${source.printScript} not found (run \`pnpm build\`)`);
      try {
        const { stdout } = await run(process.execPath, [script], { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024 });
        return { name: source.name, routingUrl: source.routingUrl, sdl: stdout };
      } catch (error) {
        const stderr = (error as { stderr?: string }).stderr?.trim();
        throw new Error(`${source.name}: ${source.printScript} failed${stderr ? `:\n${stderr}` : ''}`, {
          cause: error,
        });
      }
    }),
  );
}
