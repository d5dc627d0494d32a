import { browser } from '$app/environment';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_COOKIE = 'byline-theme';

/** The reader's theme choice, and whether the page is dark now (the system's preference when they chose none). */
export const theme = $state({ choice: 'system' as ThemeChoice, dark: false });

let media: MediaQueryList | undefined;

function resolve(): void {
  theme.dark = theme.choice === 'dark' || (theme.choice === 'system' && media?.matches === true);
}

/** Starts following the system's preference; `choice` is what the server rendered from the cookie. */
export function followTheme(choice: ThemeChoice): () => void {
  theme.choice = choice;
  if (!browser) return () => {};
  media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', resolve);
  resolve();
  return () => media?.removeEventListener('change', resolve);
}

/** Stores the choice for a year (read by the server, so the first paint is right) and applies it. */
export function chooseTheme(choice: ThemeChoice): void {
  theme.choice = choice;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers still in use.
  document.cookie =
    choice === 'system'
      ? `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`
      : `${THEME_COOKIE}=${choice}; path=/; max-age=31536000; samesite=lax`;
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  resolve();
}

export function parseThemeChoice(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}
