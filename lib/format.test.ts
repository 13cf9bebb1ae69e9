import { describe, expect, it } from 'vitest';
import { chanceBand, formatAgo, formatDate, formatDecimal, formatShare, formatDuration, formatMs, formatKey, formatMonthYear, formatPercent, formatWeek, isoWeek, movement } from './format';

describe('dates', () => {
  it('writes calendar dates day month year, whatever the time zone', () => {
    expect(formatDate('2025-06-12')).toBe('12 Jun 2025');
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatMonthYear('2025-06-12')).toBe('Jun ’25');
  });

  it('numbers ISO weeks, including the ones that belong to the neighbouring year', () => {
    expect(isoWeek('2025-06-12')).toBe(24);
    expect(isoWeek('2021-01-03')).toBe(53);
    expect(isoWeek('2024-12-30')).toBe(1);
    expect(formatWeek('2025-06-12')).toBe('wk 24 · 12 Jun 2025');
  });

  it('says how long ago something happened', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(formatAgo('2026-11-20T11:00:00Z', now)).toBe('3 days ago');
    expect(formatAgo('2026-11-23T11:00:00Z', now)).toBe('1 hour ago');
    expect(formatAgo('2026-11-23T11:59:30Z', now)).toBe('just now');
  });
});

describe('numbers', () => {
  it('never rounds a chance to a false 0% or 100%', () => {
    expect(formatPercent(0.4485)).toBe('45%');
    expect(formatPercent(0.001)).toBe('<1%');
    expect(formatPercent(0.999)).toBe('>99%');
  });

  it('writes shares as percentages with one decimal', () => {
    expect(formatShare(0.9582)).toBe('95.8%');
    expect(formatShare(0.8)).toBe('80.0%');
    expect(formatShare(1)).toBe('100.0%');
  });

  it('writes negative decimals with a minus sign', () => {
    expect(formatDecimal(-0.0134, 3)).toBe('−0.013');
    expect(formatDecimal(0.074, 3)).toBe('0.074');
    expect(formatDecimal(13.73, 1)).toBe('13.7');
    expect(formatDecimal(-0.0004, 3)).toBe('0.000');
    expect(formatDecimal(-12.4, 0)).toBe('−12');
  });

  it('formats durations as m:ss', () => {
    expect(formatDuration(215_000)).toBe('3:35');
    expect(formatDuration(61_000)).toBe('1:01');
  });

  it('formats short times with two decimals below 1 ms, else one', () => {
    expect(formatMs(0.236)).toBe('0.24 ms');
    expect(formatMs(1.94)).toBe('1.9 ms');
  });

  it('names keys with their mode', () => {
    expect(formatKey(0, 1)).toBe('C major');
    expect(formatKey(6, 0)).toBe('F♯/G♭ minor');
    expect(formatKey(11, null)).toBe('B');
    expect(() => formatKey(12, 1)).toThrow(RangeError);
  });

  it('bands chances', () => {
    expect([chanceBand(0.6), chanceBand(0.59), chanceBand(0.3), chanceBand(0.29)]).toEqual(['high', 'mid', 'mid', 'low']);
  });
});

describe('movement', () => {
  it('tells up, down, same, new and re-entries apart', () => {
    expect(movement(3, 6, 4)).toEqual({ kind: 'up', places: 3 });
    expect(movement(10, 5, 4)).toEqual({ kind: 'down', places: 5 });
    expect(movement(5, 5, 4)).toEqual({ kind: 'same' });
    expect(movement(5, null, 1)).toEqual({ kind: 'new' });
    expect(movement(5, null, 7)).toEqual({ kind: 're' });
  });
});
