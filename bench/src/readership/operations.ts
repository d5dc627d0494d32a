import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const MANIFEST = fileURLToPath(new URL('../../../schema/trusted-documents/dashboard.json', import.meta.url));
const DAY_MS = 86_400_000;

export interface DashboardOperation {
  /** What the dashboard page shows. */
  label: string;
  name: string;
  body: string;
  variables: Record<string, unknown>;
}

export interface OperationContext {
  now: Date;
  /** Local midnight (newsroom zone) of the day 29 days before today: where LAST_30_DAYS starts. */
  thirtyDaysFrom: Date;
  articleId: string;
  sectionId: string;
}

/**
 * The dashboard's operations, as its pages send them (texts from the trusted
 * documents manifest, variables as its loaders build them): the live page,
 * sections, regions and shares over 30 days, and one article's page.
 */
export async function dashboardOperations(context: OperationContext): Promise<DashboardOperation[]> {
  const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as { operations: { name: string; body: string }[] };
  const body = (name: string) => {
    const found = manifest.operations.find((operation) => operation.name === name);
    if (!found) throw new Error(`the dashboard manifest has no operation ${name}`);
    return found.body;
  };
  const range = { preset: 'LAST_30_DAYS' };
  const from = context.thirtyDaysFrom;
  const previous = { from: new Date(from.getTime() - 30 * DAY_MS).toISOString(), to: from.toISOString() };
  const op = (label: string, name: string, variables: Record<string, unknown>) => ({
    label,
    name,
    body: body(name),
    variables,
  });
  return [
    op('live', 'Live', { filter: null, edition: null }),
    op('sections, 30 days', 'Sections', {
      range,
      previous,
      interval: 'DAY',
      filter: null,
      from: from.toISOString(),
      to: context.now.toISOString(),
      edition: null,
    }),
    op('regions, 30 days', 'Regions', { range, filter: null, interval: 'DAY' }),
    op('shares, 30 days', 'Shares', { range, filter: null, edition: null }),
    op('article, 30 days', 'Article', { id: context.articleId, range, interval: 'DAY' }),
    op("article's section, 30 days", 'SectionArticles', { range, sectionId: context.sectionId }),
  ];
}
