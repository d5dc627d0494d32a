/**
 * The dashboard's browser protections, one list for every response: pages
 * (whose policy SvelteKit extends with the hashes of its own inline scripts,
 * svelte.config.js), endpoints, redirects, error pages and static assets
 * (server.js).
 */

/** @type {import('@sveltejs/kit').CspDirectives} */
export const CSP_DIRECTIVES = {
  'default-src': ['self'],
  'script-src': ['self'],
  // Svelte renders `style:` directives (a chart's height) as style attributes, which hashes cannot allow.
  'style-src': ['self', 'unsafe-inline'],
  'img-src': ['self', 'data:'],
  'font-src': ['self'],
  'connect-src': ['self'],
  'object-src': ['none'],
  'base-uri': ['self'],
  'form-action': ['self'],
  // Nobody may frame it: no clickjacking of the sign-in or sign-out forms.
  'frame-ancestors': ['none'],
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline']);

/** The policy as a header value, written as SvelteKit writes it for pages. */
const policy = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) =>
    [name, ...sources.map((source) => (KEYWORDS.has(source) ? `'${source}'` : source))].join(' '),
  )
  .join('; ');

/** Set on every response; a page's own content-security-policy (with its script hashes) takes the place of this one. */
export const SECURITY_HEADERS = {
  'content-security-policy': policy,
  // For browsers older than frame-ancestors.
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};
