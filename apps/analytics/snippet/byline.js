/*
 * Byline reader analytics: one view per page load, share clicks, and engagement
 * heartbeats. No cookies, no storage, no dependencies. Configured by its own tag:
 * <script src="/byline.min.js" data-article-id="123" data-endpoint="https://analytics.example/collect" defer></script>
 */
(() => {
  const script = document.currentScript;
  if (!script) return;
  const articleId = script.getAttribute('data-article-id');
  if (!articleId) return;
  const endpoint = script.getAttribute('data-endpoint') || new URL('/collect', script.src || location.href).href;
  const HEARTBEAT_MS = 15000;

  const uuid = () =>
    crypto.randomUUID
      ? crypto.randomUUID()
      : // randomUUID needs a secure context: build a version 4 UUID from random bytes on plain http.
        '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
          (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16),
        );

  // A JSON string body goes out as text/plain: a simple request, so no CORS preflight.
  const send = (event) => {
    const body = JSON.stringify({ events: [event] });
    if (!('sendBeacon' in navigator && navigator.sendBeacon(endpoint, body))) {
      fetch(endpoint, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'omit' }).catch(() => {});
    }
  };

  const viewId = uuid();
  let engagedMs = 0;
  let visibleSince = 0;
  let scrollDepth = 0;
  let reported = '';
  let reportedSeconds = 0;

  const visible = () => document.visibilityState === 'visible';

  const measureScroll = () => {
    const page = document.documentElement;
    const height = page.scrollHeight;
    const seen = (scrollY || page.scrollTop || 0) + innerHeight;
    const depth = height > 0 ? Math.min(100, Math.round((seen / height) * 100)) : 100;
    if (depth > scrollDepth) scrollDepth = depth;
  };

  const heartbeat = () => {
    const now = Date.now();
    if (visibleSince) {
      engagedMs += now - visibleSince;
      visibleSince = visible() ? now : 0;
    }
    measureScroll();
    const engagedSeconds = Math.min(86400, Math.round(engagedMs / 1000));
    // Not read yet, or nothing new since the last heartbeat (e.g. a background tab): stay quiet.
    if (!engagedSeconds || `${engagedSeconds}/${scrollDepth}` === reported) return;
    reported = `${engagedSeconds}/${scrollDepth}`;
    const previousSeconds = reportedSeconds;
    reportedSeconds = engagedSeconds;
    send({
      type: 'engagement',
      articleId,
      viewId,
      engagedSeconds,
      previousSeconds,
      scrollDepth,
      url: location.href,
      id: uuid(),
    });
  };

  const start = () => {
    send({ type: 'view', articleId, url: location.href, referrer: document.referrer, id: viewId });
    if (visible()) visibleSince = Date.now();
    measureScroll();
    addEventListener('scroll', measureScroll, { passive: true });
    document.addEventListener('visibilitychange', () => {
      if (visible()) visibleSince = visibleSince || Date.now();
      else heartbeat();
    });
    setInterval(heartbeat, HEARTBEAT_MS);
  };

  // Delegated, and in the capture phase so a share button that stops propagation still counts.
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      const button = target.closest ? target.closest('[data-byline-share]') : null;
      if (button) {
        const network = button.getAttribute('data-byline-share');
        send({ type: 'share', articleId, network, url: location.href, id: uuid() });
      }
    },
    true,
  );

  // A prerendered page (speculation rules) may never be seen: count it when it is shown.
  if (document.prerendering) document.addEventListener('prerenderingchange', start, { once: true });
  else start();
})();
