import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import { type Palette, toneColour, withAlpha } from './palette';
import type { ChartSpec, Series } from './spec';

type Config = ChartConfiguration<'line' | 'bar', number[], string>;

function dataset(spec: ChartSpec, series: Series, palette: Palette): ChartDataset<'line' | 'bar', number[]> {
  const colour = toneColour(palette, series.tone);
  if (spec.type === 'line') {
    return {
      type: 'line',
      label: series.label,
      data: series.data,
      borderColor: colour,
      backgroundColor: spec.area ? withAlpha(colour, 0.14) : colour,
      fill: spec.area && !series.dashed ? 'origin' : false,
      borderWidth: series.dashed ? 1.5 : 2,
      borderDash: series.dashed ? [5, 4] : [],
      pointRadius: 0,
      pointHoverRadius: 4,
      pointStyle: 'line',
      // Monotone curves never overshoot below zero between buckets.
      cubicInterpolationMode: 'monotone',
    };
  }
  const faded = new Set(spec.faded ?? []);
  return {
    type: 'bar',
    label: series.label,
    data: series.data,
    backgroundColor: series.data.map((_, i) => (faded.has(i) || series.dashed ? withAlpha(colour, 0.4) : colour)),
    borderRadius: 3,
    maxBarThickness: 32,
    ...(spec.stacked ? { stack: 'all' } : {}),
  };
}

/** The datasets of a spec in the theme's colours; also used to update a chart in place. */
export function datasets(spec: ChartSpec, palette: Palette) {
  return spec.series.map((series) => dataset(spec, series, palette));
}

export interface NumberFormats {
  /** Short, for axis ticks. */
  axis: (value: number) => string;
  /** Exact, for tooltips. */
  exact: (value: number) => string;
}

/** Marks the canvas `data-drawn` after the chart's first render, so tests and benchmarks know it is up. */
const drawnMarker: Plugin<'line' | 'bar'> = {
  id: 'drawnMarker',
  afterRender: (chart) => {
    if (!chart.canvas.hasAttribute('data-drawn')) chart.canvas.setAttribute('data-drawn', '');
  },
};

/** A Chart.js configuration for a spec: no animation, so updates never flicker. */
export function chartConfig(spec: ChartSpec, palette: Palette, numbers: NumberFormats): Config {
  const value = spec.horizontal ? 'x' : 'y';
  const category = spec.horizontal ? 'y' : 'x';
  const axisColours = { grid: { color: palette.grid }, ticks: { color: palette.text }, border: { display: false } };
  return {
    type: spec.type,
    data: { labels: spec.labels, datasets: datasets(spec, palette) },
    plugins: [drawnMarker],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false, axis: category },
      plugins: {
        legend: {
          display: spec.legend ?? spec.series.length > 1,
          position: 'bottom',
          labels: { color: palette.text, usePointStyle: true, boxWidth: 16, boxHeight: 8 },
        },
        tooltip: {
          callbacks: {
            label: (item) => ` ${item.dataset.label}: ${numbers.exact(Number(item.parsed[value as 'x' | 'y']))}`,
          },
        },
      },
      scales: {
        [category]: {
          ...axisColours,
          stacked: spec.stacked === true,
          grid: { display: false },
          // Sideways bars are sized to show every label; time axes skip some.
          ticks: { color: palette.text, autoSkip: !spec.horizontal, maxRotation: 0, autoSkipPadding: 12 },
        },
        [value]: {
          ...axisColours,
          stacked: spec.stacked === true,
          beginAtZero: true,
          ticks: { color: palette.text, precision: 0, callback: (tickValue) => numbers.axis(Number(tickValue)) },
        },
      },
    },
  };
}

/** Recolours an existing configuration after a theme change. */
export function recolour(options: Config['options'], palette: Palette): void {
  const scales = options?.scales ?? {};
  for (const scale of Object.values(scales)) {
    if (!scale) continue;
    if (scale.ticks) scale.ticks.color = palette.text;
    if (scale.grid && scale.grid.display !== false) scale.grid.color = palette.grid;
  }
  const legend = options?.plugins?.legend?.labels;
  if (legend) legend.color = palette.text;
}
