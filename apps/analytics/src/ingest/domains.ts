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
