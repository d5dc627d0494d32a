import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip.js';

describe('clientIp', () => {
  it('uses the socket address when no header is trusted', () => {
    expect(clientIp({ 'x-forwarded-for': '1.2.3.4' }, '203.0.113.7', '')).toBe('203.0.113.7');
  });

  it('strips the IPv4-mapped prefix of a dual-stack socket', () => {
    expect(clientIp({}, '::ffff:203.0.113.7', '')).toBe('203.0.113.7');
    expect(clientIp({}, '2001:db8::7', '')).toBe('2001:db8::7');
  });

  it('takes the right-most address of the trusted header', () => {
    const headers = { 'x-forwarded-for': '6.6.6.6, 198.51.100.1 , 203.0.113.9' };
    expect(clientIp(headers, '10.0.0.2', 'x-forwarded-for')).toBe('203.0.113.9');
  });

  it('reads the trusted header whatever its configured case', () => {
    expect(clientIp({ 'x-real-ip': '203.0.113.9' }, '10.0.0.2', 'X-Real-IP')).toBe('203.0.113.9');
  });

  it('takes the last of repeated header lines', () => {
    expect(clientIp({ 'x-forwarded-for': ['6.6.6.6', '203.0.113.9'] }, '10.0.0.2', 'x-forwarded-for')).toBe(
      '203.0.113.9',
    );
  });

  it('drops ports and brackets a proxy may add', () => {
    expect(clientIp({ 'x-forwarded-for': '203.0.113.9:51234' }, '10.0.0.2', 'x-forwarded-for')).toBe('203.0.113.9');
    expect(clientIp({ 'x-forwarded-for': '[2001:db8::9]:443' }, '10.0.0.2', 'x-forwarded-for')).toBe('2001:db8::9');
    expect(clientIp({ 'x-forwarded-for': '::ffff:203.0.113.9' }, '10.0.0.2', 'x-forwarded-for')).toBe('203.0.113.9');
  });

  it('never trusts other forwarding headers', () => {
    const spoofed = {
      'x-real-ip': '6.6.6.6',
      'cf-connecting-ip': '6.6.6.6',
      forwarded: 'for=6.6.6.6',
      'x-client-ip': '6.6.6.6',
    };
    expect(clientIp(spoofed, '203.0.113.7', 'x-forwarded-for')).toBe('203.0.113.7');
    expect(clientIp(spoofed, '203.0.113.7', '')).toBe('203.0.113.7');
  });

  it('falls back to the socket when the trusted header is missing or holds no address', () => {
    expect(clientIp({}, '203.0.113.7', 'x-forwarded-for')).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': '6.6.6.6, unknown' }, '203.0.113.7', 'x-forwarded-for')).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': '' }, '203.0.113.7', 'x-forwarded-for')).toBe('203.0.113.7');
  });

  it('answers empty when nothing holds an address', () => {
    expect(clientIp({}, undefined, '')).toBe('');
    expect(clientIp({}, 'garbage', 'x-forwarded-for')).toBe('');
  });
});
