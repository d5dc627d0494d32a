import { LRUCache } from 'lru-cache';

/** The most engaged time one view is credited with: half an hour of reading. */
export const MAX_ENGAGED_SECONDS = 30 * 60;
/** How long after its view a heartbeat is still credited (a tab left open, read later). */
const VIEW_KEPT_MS = 6 * 3_600_000;
/** Views remembered at once (about 100 bytes each); the least recently seen go first. */
const MAX_VIEWS = 1_000_000;

interface ViewState {
  articleId: string;
  /** When the collector recorded the view (epoch ms). */
  at: number;
  /** Engaged seconds already credited to it. */
  credited: number;
}

/** A heartbeat's credit: the view's seconds before and after it. */
export interface Credit {
  previous: number;
  engaged: number;
}

export type EngagedViews = ReturnType<typeof createEngagedViews>;

/**
 * Views the collector recorded and the engaged seconds credited to each, so a
 * heartbeat adds only its new increment, capped by the wall time since the view and
 * by MAX_ENGAGED_SECONDS: replays add nothing, and heartbeats for views never sent
 * count nothing. Kept in memory: after a restart, heartbeats of views recorded
 * before it are dropped (engaged time is under-counted, never over-counted).
 * Every change returns its undo, for when the spool refuses the events.
 */
export function createEngagedViews() {
  const views = new LRUCache<string, ViewState>({ max: MAX_VIEWS, ttl: VIEW_KEPT_MS });
  return {
    /** Records view `id` at `at`; a view id already known keeps its first time. */
    view(id: string, articleId: string, at: number): () => void {
      if (views.has(id)) return () => {};
      views.set(id, { articleId, at, credited: 0 });
      return () => views.delete(id);
    },
    /**
     * Credits a heartbeat claiming `claimed` seconds for view `viewId` of `articleId`;
     * `orphan` when the view is unknown (or of another article), `stale` when nothing new is due.
     */
    credit(
      viewId: string,
      articleId: string,
      claimed: number,
      at: number,
    ): { credit: Credit; undo: () => void } | 'orphan' | 'stale' {
      const state = views.get(viewId);
      if (!state || state.articleId !== articleId) return 'orphan';
      const elapsed = Math.floor((at - state.at) / 1000);
      const engaged = Math.min(claimed, elapsed, MAX_ENGAGED_SECONDS);
      const previous = state.credited;
      if (engaged <= previous) return 'stale';
      state.credited = engaged;
      return {
        credit: { previous, engaged },
        undo: () => {
          if (state.credited === engaged) state.credited = previous;
        },
      };
    },
  };
}
