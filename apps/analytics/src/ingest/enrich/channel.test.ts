import { describe, expect, it } from 'vitest';
import { classifyChannel } from './channel.js';

const siteHosts = ['byline.example', 'byline-news.az'];
const pageUrl = 'https://byline.example/politics/123-election-results';

const referrers: [referrer: string, channel: string, source: string, referrerHost: string][] = [
  ['', 'direct', '', ''],
  ['   ', 'direct', '', ''],
  ['https://byline.example/', 'internal', '', 'byline.example'],
  ['https://www.byline.example/sport', 'internal', '', 'byline.example'],
  ['https://m.byline.example/politics', 'internal', '', 'm.byline.example'],
  ['https://BYLINE-NEWS.AZ/az/xeberler', 'internal', '', 'byline-news.az'],
  ['https://www.google.com/search?q=election+results', 'search', 'google', 'google.com'],
  ['https://www.google.com/', 'search', 'google', 'google.com'],
  ['https://www.google.az/', 'search', 'google', 'google.az'],
  ['https://www.google.co.uk/search?q=byline', 'search', 'google', 'google.co.uk'],
  ['https://www.google.com.tr/', 'search', 'google', 'google.com.tr'],
  ['https://news.google.com/articles/CBMiK2h0dHBz', 'search', 'google', 'news.google.com'],
  [
    'android-app://com.google.android.googlequicksearchbox/',
    'search',
    'google',
    'com.google.android.googlequicksearchbox',
  ],
  ['https://www.bing.com/search?q=byline+news', 'search', 'bing', 'bing.com'],
  ['https://cn.bing.com/search?q=baku', 'search', 'bing', 'cn.bing.com'],
  ['https://yandex.ru/search/?text=%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8', 'search', 'yandex', 'yandex.ru'],
  ['https://yandex.com.tr/search/?text=haber', 'search', 'yandex', 'yandex.com.tr'],
  ['https://ya.ru/search/?text=byline', 'search', 'yandex', 'ya.ru'],
  ['https://duckduckgo.com/', 'search', 'duckduckgo', 'duckduckgo.com'],
  ['https://search.yahoo.com/search?p=byline', 'search', 'yahoo', 'search.yahoo.com'],
  ['https://www.baidu.com/link?url=abc', 'search', 'baidu', 'baidu.com'],
  ['https://www.ecosia.org/search?q=news', 'search', 'ecosia', 'ecosia.org'],
  ['https://search.naver.com/search.naver?query=news', 'search', 'naver', 'search.naver.com'],
  ['https://search.seznam.cz/?q=zpravy', 'search', 'seznam', 'search.seznam.cz'],
  ['https://www.qwant.com/?q=news', 'search', 'qwant', 'qwant.com'],
  ['https://search.brave.com/search?q=byline', 'search', 'brave', 'search.brave.com'],
  ['https://www.startpage.com/do/search', 'search', 'startpage', 'startpage.com'],
  ['https://go.mail.ru/search?q=news', 'search', 'mailru', 'go.mail.ru'],
  ['https://l.facebook.com/l.php?u=https%3A%2F%2Fbyline.example%2F&h=AT0', 'social', 'facebook', 'l.facebook.com'],
  ['https://lm.facebook.com/l.php?u=https%3A%2F%2Fbyline.example%2F', 'social', 'facebook', 'lm.facebook.com'],
  ['https://m.facebook.com/', 'social', 'facebook', 'm.facebook.com'],
  ['android-app://com.facebook.katana/', 'social', 'facebook', 'com.facebook.katana'],
  ['https://l.instagram.com/?u=https%3A%2F%2Fbyline.example', 'social', 'instagram', 'l.instagram.com'],
  ['https://t.co/abc123XYZ', 'social', 'x', 't.co'],
  ['https://x.com/', 'social', 'x', 'x.com'],
  ['https://mobile.twitter.com/byline', 'social', 'x', 'mobile.twitter.com'],
  ['https://t.me/byline_news/1234', 'social', 'telegram', 't.me'],
  ['https://web.telegram.org/k/', 'social', 'telegram', 'web.telegram.org'],
  ['android-app://org.telegram.messenger/', 'social', 'telegram', 'org.telegram.messenger'],
  ['https://web.whatsapp.com/', 'social', 'whatsapp', 'web.whatsapp.com'],
  ['https://away.vk.com/away.php?to=https%3A%2F%2Fbyline.example', 'social', 'vk', 'away.vk.com'],
  ['https://m.vk.com/wall-1_2', 'social', 'vk', 'm.vk.com'],
  ['https://ok.ru/group/123/topic/456', 'social', 'ok', 'ok.ru'],
  ['https://www.linkedin.com/feed/', 'social', 'linkedin', 'linkedin.com'],
  ['https://lnkd.in/eAbCdEf', 'social', 'linkedin', 'lnkd.in'],
  ['https://out.reddit.com/t3_abc?url=https%3A%2F%2Fbyline.example', 'social', 'reddit', 'out.reddit.com'],
  ['https://old.reddit.com/r/worldnews/', 'social', 'reddit', 'old.reddit.com'],
  ['https://www.youtube.com/', 'social', 'youtube', 'youtube.com'],
  ['https://www.tiktok.com/', 'social', 'tiktok', 'tiktok.com'],
  ['https://www.pinterest.co.uk/pin/123/', 'social', 'pinterest', 'pinterest.co.uk'],
  ['https://www.threads.net/@byline', 'social', 'threads', 'threads.net'],
  ['https://bsky.app/profile/byline.example', 'social', 'bluesky', 'bsky.app'],
  ['https://mail.google.com/', 'email', '', 'mail.google.com'],
  ['android-app://com.google.android.gm/', 'email', '', 'com.google.android.gm'],
  ['https://outlook.live.com/', 'email', '', 'outlook.live.com'],
  ['https://mail.yahoo.com/d/folders/1', 'email', '', 'mail.yahoo.com'],
  ['https://mail.yandex.ru/?uid=1', 'email', '', 'mail.yandex.ru'],
  ['https://e.mail.ru/inbox/', 'email', '', 'e.mail.ru'],
  ['https://news.ycombinator.com/item?id=1', 'other', '', 'news.ycombinator.com'],
  ['https://mastodon.social/@byline', 'other', '', 'mastodon.social'],
  ['https://chatgpt.com/', 'other', '', 'chatgpt.com'],
  ['https://notgoogle.com/', 'other', '', 'notgoogle.com'],
  ['https://google.blogspot.com/', 'other', '', 'google.blogspot.com'],
  ['https://facebook.com.evil.example/', 'other', '', 'facebook.com.evil.example'],
  ['https://notbyline.example/', 'other', '', 'notbyline.example'],
  ['http://192.168.1.10:8080/', 'other', '', '192.168.1.10'],
  ['not a url', 'other', '', ''],
  ['https://', 'other', '', ''],
  ['about:blank', 'other', '', ''],
];

describe('classifyChannel by referrer', () => {
  it.each(referrers)('%s → %s %s', (referrer, channel, source, referrerHost) => {
    const result = classifyChannel({ referrer, pageUrl, siteHosts });
    expect(result).toEqual({ channel, source, referrerHost, utm: { source: '', medium: '', campaign: '' } });
  });

  it('covers at least 40 real-world referrers', () => {
    expect(referrers.length).toBeGreaterThanOrEqual(40);
  });

  it('counts the page host itself as internal', () => {
    const result = classifyChannel({
      referrer: 'https://news.example/a',
      pageUrl: 'https://news.example/b',
      siteHosts: [],
    });
    expect(result.channel).toBe('internal');
  });
});

const tagged = (query: string) => `${pageUrl}?${query}`;
const utmCases: [query: string, referrer: string, channel: string, source: string][] = [
  ['utm_source=twitter&utm_medium=social', '', 'social', 'x'],
  ['utm_source=fb&utm_medium=social&utm_campaign=launch', 'https://l.facebook.com/', 'social', 'facebook'],
  ['utm_source=t.co&utm_medium=social', '', 'social', 'x'],
  ['utm_source=Telegram&utm_medium=Social', '', 'social', 'telegram'],
  ['utm_source=mastodon&utm_medium=social', 'https://mastodon.social/', 'social', 'mastodon'],
  ['utm_medium=social', 'https://t.me/byline', 'social', 'telegram'],
  ['utm_source=newsletter&utm_medium=email&utm_campaign=morning', '', 'email', ''],
  ['utm_source=digest&utm_medium=newsletter', 'https://mail.google.com/', 'email', ''],
  ['utm_source=google&utm_medium=cpc&utm_campaign=brand', 'https://www.google.com/', 'campaign', ''],
  ['utm_source=partner&utm_medium=display', 'https://partner.example/', 'campaign', ''],
  ['utm_medium=paid_social&utm_source=facebook', 'https://l.facebook.com/', 'campaign', ''],
  ['utm_campaign=spring_sale', '', 'campaign', ''],
  ['gclid=Cj0KCQ', 'https://www.google.com/', 'campaign', ''],
  ['yclid=123456', 'https://yandex.ru/', 'campaign', ''],
  ['utm_source=telegram', '', 'social', 'telegram'],
  ['utm_source=vkontakte', '', 'social', 'vk'],
  ['utm_source=telegram', 'https://www.google.com/', 'search', 'google'],
  ['utm_source=partner&utm_medium=referral', 'https://partner.example/', 'other', ''],
  ['utm_source=constructor&utm_medium=social', '', 'social', 'constructor'],
  ['utm_source=__proto__', '', 'direct', ''],
];

describe('classifyChannel with UTM tags', () => {
  it.each(utmCases)('?%s from "%s" → %s %s', (query, referrer, channel, source) => {
    expect(classifyChannel({ referrer, pageUrl: tagged(query), siteHosts })).toMatchObject({ channel, source });
  });

  it('reports the UTM tags lower-cased, trimmed and capped', () => {
    const result = classifyChannel({
      referrer: 'https://t.co/x',
      pageUrl: tagged(`utm_source=+Twitter+&utm_medium=SOCIAL&utm_campaign=${'c'.repeat(300)}`),
      siteHosts,
    });
    expect(result.utm).toEqual({ source: 'twitter', medium: 'social', campaign: 'c'.repeat(100) });
    expect(result.referrerHost).toBe('t.co');
  });

  it('never throws on a malformed page URL', () => {
    expect(classifyChannel({ referrer: 'https://t.co/x', pageUrl: '::', siteHosts })).toMatchObject({
      channel: 'social',
      source: 'x',
      utm: { source: '', medium: '', campaign: '' },
    });
  });
});
