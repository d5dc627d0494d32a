/**
 * The entry of `domains` that `host` is or lies under (`m.news.example` → `news.example`),
 * or undefined. Host names compare lower-case, without a trailing dot.
 */
export function domainOf(host: string, domains: ReadonlySet<string>): string | undefined {
  let name = host.toLowerCase().replace(/\.$/, '');
  for (;;) {
    if (domains.has(name)) return name;
    const dot = name.indexOf('.');
    if (dot < 0) return undefined;
    name = name.slice(dot + 1);
  }
}

/** The host of an absolute URL, or undefined when it has none. */
export function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return new URL(url).hostname || undefined;
}
