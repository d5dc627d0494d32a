import { idList } from '../../clickhouse/query.js';
import { DIMENSION_COLUMNS, Dimension, type Filters } from './dimensions.js';

const ID_DIMENSIONS = new Set([Dimension.SECTION, Dimension.ARTICLE, Dimension.AUTHOR]);

/** WHERE conditions of the filters, their values bound into `params`; authors match any of a row's authors unless grouped by. */
export function filterConditions(filters: Filters, groupBy: Dimension[], params: Record<string, unknown>): string[] {
  return (Object.entries(filters) as [Dimension, string[]][]).map(([dimension, values]) => {
    const name = `f_${dimension.toLowerCase()}`;
    params[name] = values;
    const list = ID_DIMENSIONS.has(dimension) ? idList(name) : `{${name}:Array(String)}`;
    return dimension === Dimension.AUTHOR && !groupBy.includes(Dimension.AUTHOR)
      ? `hasAny(author_ids, ${idList(name)})`
      : `${DIMENSION_COLUMNS[dimension].column} IN ${list}`;
  });
}
