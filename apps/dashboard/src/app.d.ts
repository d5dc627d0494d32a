import type { DimensionKey } from '$lib/filters/filters';
import type { ThemeChoice } from '$lib/theme.svelte';

declare global {
  namespace App {
    interface Locals {
      /** The reader's locale, from Accept-Language. */
      locale: string;
      theme: ThemeChoice;
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
