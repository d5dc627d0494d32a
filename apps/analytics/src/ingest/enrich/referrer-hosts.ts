/**
 * The referrer hosts we recognise, by channel and source. The categories follow the
 * Snowplow referer-parser (github.com/snowplow-referer-parser/referer-parser, referers.yml)
 * and Matomo's searchengine-and-social-list (github.com/matomo-org/searchengine-and-social-list);
 * this is the one place to maintain them.
 *
 * A pattern matches the host and all its subdomains. `name.*` stands for any country or
 * generic top-level domain after `name` (google.az, google.co.uk, google.com.tr). Android
 * apps send `android-app://<package>/`, so package names are listed as hosts too. When
 * several patterns match, the longest wins: `mail.google.com` (email) beats `google.*`.
 */

/** Search engines; the key is the `channel_source`. */
export const SEARCH_HOSTS: Readonly<Record<string, readonly string[]>> = {
  google: ['google.*', 'com.google.android.googlequicksearchbox'],
  bing: ['bing.com'],
  yandex: ['yandex.*', 'ya.ru', 'ru.yandex.searchplugin'],
  duckduckgo: ['duckduckgo.com', 'com.duckduckgo.mobile.android'],
  yahoo: ['yahoo.*'],
  baidu: ['baidu.com'],
  ecosia: ['ecosia.org'],
  naver: ['naver.com'],
  seznam: ['seznam.cz'],
  qwant: ['qwant.com'],
  brave: ['search.brave.com'],
  startpage: ['startpage.com'],
  mailru: ['go.mail.ru'],
  sogou: ['sogou.com'],
  so360: ['so.com'],
  daum: ['search.daum.net'],
  ask: ['ask.com'],
  aol: ['search.aol.com'],
  kagi: ['kagi.com'],
};

/** Social networks; keys match SHARE_NETWORKS where both have the network. */
export const SOCIAL_HOSTS: Readonly<Record<string, readonly string[]>> = {
  facebook: ['facebook.com', 'fb.com', 'fb.me', 'messenger.com', 'com.facebook.katana', 'com.facebook.orca'],
  instagram: ['instagram.com', 'com.instagram.android'],
  x: ['x.com', 'twitter.com', 't.co', 'com.twitter.android'],
  telegram: ['t.me', 'telegram.me', 'telegram.org', 'org.telegram.messenger', 'org.telegram.plus'],
  whatsapp: ['whatsapp.com', 'wa.me', 'com.whatsapp'],
  vk: ['vk.com', 'vk.ru', 'vkontakte.ru', 'com.vkontakte.android'],
  ok: ['ok.ru', 'odnoklassniki.ru', 'ru.ok.android'],
  linkedin: ['linkedin.com', 'lnkd.in', 'com.linkedin.android'],
  reddit: ['reddit.com', 'redd.it', 'com.reddit.frontpage'],
  youtube: ['youtube.com', 'youtu.be', 'com.google.android.youtube'],
  tiktok: ['tiktok.com', 'com.zhiliaoapp.musically'],
  pinterest: ['pinterest.*', 'pin.it', 'com.pinterest'],
  threads: ['threads.net', 'threads.com'],
  bluesky: ['bsky.app', 'xyz.blueskyweb.app'],
};

/** Webmail; the channel has no source. */
export const EMAIL_HOSTS: readonly string[] = [
  'mail.google.com',
  'com.google.android.gm',
  'com.google.android.gm.lite',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'mail.yahoo.com',
  'mail.yahoo.co.jp',
  'mail.yandex.*',
  'e.mail.ru',
  'touch.mail.ru',
  'mail.proton.me',
  'mail.aol.com',
  'email.seznam.cz',
  'mail.zoho.com',
];

/** `utm_source` spellings that name a network in SOCIAL_HOSTS or SEARCH_HOSTS. */
export const SOURCE_ALIASES: Readonly<Record<string, string>> = {
  fb: 'facebook',
  meta: 'facebook',
  twitter: 'x',
  tw: 'x',
  tg: 'telegram',
  wa: 'whatsapp',
  vkontakte: 'vk',
  odnoklassniki: 'ok',
  ig: 'instagram',
  insta: 'instagram',
  li: 'linkedin',
  yt: 'youtube',
  bsky: 'bluesky',
};
