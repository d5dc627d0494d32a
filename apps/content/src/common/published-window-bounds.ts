/** A checked `PublishedWindowArgs`: the half-open interval [from, to) and an optional edition. */
export interface PublishedWindow {
  from: Date;
  to: Date;
  edition: string | null;
}
