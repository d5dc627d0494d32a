import { isIP } from 'node:net';

export type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * The reader's IP: the right-most address of `trustedHeader` (the one our own proxy
 * appended; everything left of it is what the client claimed), else the socket's peer.
 * No other forwarding header is ever read. '' when neither holds an address.
 */
export function clientIp(headers: RequestHeaders, socketAddress: string | undefined, trustedHeader: string): string {
  if (trustedHeader !== '') {
    const forwarded = lastAddress(headers[trustedHeader.toLowerCase()]);
    if (forwarded !== '') return forwarded;
  }
  const socket = unmapIpv4(socketAddress ?? '');
  return isIP(socket) ? socket : '';
}

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) → `1.2.3.4`. */
export function unmapIpv4(ip: string): string {
  return ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

function lastAddress(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  const last = joined.split(',').at(-1)?.trim() ?? '';
  const address = unmapIpv4(withoutPort(last));
  return isIP(address) ? address : '';
}

// Some proxies append the client's port: `1.2.3.4:5678`, `[2001:db8::1]:5678`.
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1]) return bracketed[1];
  const ipv4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry);
  return ipv4WithPort?.[1] ?? entry;
}
