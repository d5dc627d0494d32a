import type { ChartSpec } from '$lib/charts/spec';
import { channelLabel } from '$lib/filters/labels';
import type { Format } from '$lib/format/format';
import type { Table } from '$lib/tables/table';
import type { LiveModel } from './live-model';

/** Views per minute: the running minute is drawn faded, as it is still filling. */
export function minutesView(live: LiveModel, format: Format): { table: Table; spec: ChartSpec } {
  return {
    table: {
      name: 'views-per-minute',
      columns: [
        { label: 'Minute', kind: 'bucket', interval: 'MINUTE' },
        { label: 'Views', kind: 'integer' },
      ],
      rows: live.perMinute.map((point) => ({ cells: [point.at, point.views] })),
    },
    spec: {
      type: 'bar',
      labels: live.perMinute.map((point) => format.bucket(point.at, 'MINUTE')),
      series: [{ label: 'Views', data: live.perMinute.map((point) => point.views), tone: 'accent' }],
      faded: [live.perMinute.length - 1],
    },
  };
}

export function topArticlesTable(live: LiveModel, articleHref: (id: string) => string): Table {
  return {
    name: 'top-articles-now',
    columns: [
      { label: 'Article', kind: 'text' },
      { label: 'Section', kind: 'text' },
      { label: 'Views (30 min)', kind: 'integer' },
      { label: 'Readers (30 min)', kind: 'integer' },
      { label: 'Views, last 5 min', kind: 'integer' },
      { label: 'Views, 5 min before', kind: 'integer' },
      { label: 'Change', kind: 'change' },
    ],
    rows: live.top.map((article) => ({
      href: articleHref(article.id),
      cells: [
        article.title,
        article.section,
        article.views,
        article.readers,
        article.trend.recent,
        article.trend.before,
        article.trend.change,
      ],
    })),
  };
}

export function sectionsNowView(live: LiveModel): { table: Table; spec: ChartSpec } {
  return {
    table: {
      name: 'readers-by-section-now',
      columns: [
        { label: 'Section', kind: 'text' },
        { label: 'Readers (5 min)', kind: 'integer' },
      ],
      rows: live.bySection.map((row) => ({ cells: [row.name, row.readers] })),
    },
    spec: {
      type: 'bar',
      horizontal: true,
      labels: live.bySection.map((row) => row.name),
      series: [{ label: 'Readers', data: live.bySection.map((row) => row.readers), tone: 0 }],
    },
  };
}

export function channelsNowView(live: LiveModel): { table: Table; spec: ChartSpec } {
  return {
    table: {
      name: 'readers-by-channel-now',
      columns: [
        { label: 'Channel', kind: 'text' },
        { label: 'Readers (5 min)', kind: 'integer' },
      ],
      rows: live.byChannel.map((row) => ({ cells: [channelLabel(row.channel), row.readers] })),
    },
    spec: {
      type: 'bar',
      horizontal: true,
      labels: live.byChannel.map((row) => channelLabel(row.channel)),
      series: [{ label: 'Readers', data: live.byChannel.map((row) => row.readers), tone: 2 }],
    },
  };
}
