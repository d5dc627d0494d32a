import { describe, expect, it } from 'vitest';
import { createFormat, pickLocale } from './format';

describe('formatting for the reader', () => {
  const en = createFormat('en-GB', 'Asia/Baku');
  const de = createFormat('de-DE', 'Asia/Baku');

  it('formats numbers in the reader locale', () => {
    expect(en.integer(1234567)).toBe('1,234,567');
    expect(de.integer(1234567)).toBe('1.234.567');
    expect(en.compact(12_345)).toBe('12.3k');
    expect(en.decimal(2.345, 2)).toBe('2.35');
    expect(en.decimal(null)).toBe('—');
    expect(en.share(0.1234)).toBe('12.3%');
  });

  it('signs changes and leaves nothing-to-compare empty', () => {
    expect(en.change(12.34)).toBe('+12.3%');
    expect(en.change(-4)).toBe('-4.0%');
    expect(en.change(0)).toBe('0.0%');
    expect(en.change(null)).toBe('—');
  });

  it('writes durations in minutes and seconds', () => {
    expect(en.duration(65)).toBe('1m 5s');
    expect(en.duration(42.4)).toBe('42s');
    expect(en.duration(null)).toBe('—');
  });

  it('shows times in the chosen zone, as precise as the bucket', () => {
    const at = '2026-11-25T10:05:00Z'; // 14:05 in Baku
    expect(en.bucket(at, 'MINUTE')).toBe('14:05');
    expect(en.bucket(at, 'DAY')).toBe('Wed 25 Nov');
    expect(createFormat('en-GB', 'UTC').bucket(at, 'MINUTE')).toBe('10:05');
    expect(en.date(at)).toBe('25 Nov 2026');
  });

  it('names countries, and the unknown one', () => {
    expect(en.country('AZ')).toBe('Azerbaijan');
    expect(de.country('DE')).toBe('Deutschland');
    expect(en.country('')).toBe('Unknown');
  });

  it('picks the preferred supported locale of an Accept-Language header', () => {
    expect(pickLocale('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru-RU');
    expect(pickLocale('en;q=0.5, az-Latn-AZ;q=0.9')).toBe('az-Latn-AZ');
    expect(pickLocale('*')).toBe('en-GB');
    expect(pickLocale(null)).toBe('en-GB');
    expect(pickLocale('not a tag!!, de')).toBe('de');
  });
});
