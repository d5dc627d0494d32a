import type { DimensionKey } from '$lib/filters/filters';
import type { SignedInUser } from '$lib/server/session';
import type { ThemeChoice } from '$lib/theme.svelte';

declare global {
  namespace App {
    interface Locals {
      /** The reader's locale, from Accept-Language. */
      locale: string;
      theme: ThemeChoice;
      /** The signed-in user and their session token (sent to the gateway as a bearer token); null when signed out. */
      session: { token: string; user: SignedInUser } | null;
      /** Aborts this request's gateway calls when its route's deadline has passed (`$lib/server/deadline`). */
      deadline: AbortSignal;
    }
    interface Error {
      message: string;
    }
    interface PageData {
      /** Filters this page's figures cannot follow (the analytics API does not split them so). */
      ignored?: readonly DimensionKey[];
    }
  }
}
