/** One period's readership of a section or an author, as both figure sources return it. */
export interface PeriodFigures {
  views: number;
  uniqueReaders: number;
  articlesRead: number;
  shares: number;
  engagedViews: number;
  engagedSeconds: number;
}

const EMPTY: PeriodFigures = {
  views: 0,
  uniqueReaders: 0,
  articlesRead: 0,
  shares: 0,
  engagedViews: 0,
  engagedSeconds: 0,
};

export const emptyFigures = (): { current: PeriodFigures; previous: PeriodFigures } => ({
  current: { ...EMPTY },
  previous: { ...EMPTY },
});
