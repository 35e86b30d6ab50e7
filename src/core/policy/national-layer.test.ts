import { describe, expect, it } from 'vitest';
import { parseLocalDate as day } from '../time/local-date.ts';
import { cite } from './cited.ts';
import { type LayerRuling, mergeWithNationalBaseline } from './national-layer.ts';

function city(lastDay: string | null, repairFrom: string | null): LayerRuling {
  return {
    published: cite(true, 'city'),
    disclosureLastDay: cite(lastDay === null ? null : day(lastDay), 'city'),
    repairEligibleFrom: cite(repairFrom === null ? null : day(repairFrom), 'city'),
  };
}

function national(lastDay: string | null, repairFrom: string | null, published = true): LayerRuling {
  return {
    published: cite(published, 'national'),
    disclosureLastDay: cite(lastDay === null ? null : day(lastDay), 'national'),
    repairEligibleFrom: cite(repairFrom === null ? null : day(repairFrom), 'national'),
  };
}

describe('DESIGN Decision 1: mergeWithNationalBaseline', () => {
  it('keeps the city rule when no national version is in force', () => {
    const cityRuling = city('2029-05-01', '2026-11-02');
    expect(mergeWithNationalBaseline(cityRuling, null)).toBe(cityRuling);
  });

  it('takes the earlier end of disclosure (national maximum shorter than the city period)', () => {
    const merged = mergeWithNationalBaseline(
      city('2031-05-01', '2026-11-02'),
      national('2029-05-01', '2027-05-02'),
    );
    expect(merged.disclosureLastDay.value?.toString()).toBe('2029-05-01');
    expect(merged.disclosureLastDay.source).toBe('national');
  });

  it('takes the earlier repair day (city wait shorter than the national minimum)', () => {
    const merged = mergeWithNationalBaseline(
      city('2029-05-01', '2026-11-02'),
      national('2029-05-01', '2027-05-02'),
    );
    expect(merged.repairEligibleFrom.value?.toString()).toBe('2026-11-02');
    expect(merged.repairEligibleFrom.source).toBe('city');
  });

  it('gives ties to the city rule', () => {
    const merged = mergeWithNationalBaseline(
      city('2029-05-01', '2026-11-02'),
      national('2029-05-01', '2026-11-02'),
    );
    expect(merged.disclosureLastDay.source).toBe('city');
    expect(merged.repairEligibleFrom.source).toBe('city');
  });

  it('caps an open-ended city disclosure with the national maximum', () => {
    const merged = mergeWithNationalBaseline(city(null, '2026-05-01'), national('2029-05-01', '2027-05-02'));
    expect(merged.disclosureLastDay.value?.toString()).toBe('2029-05-01');
  });

  it('gives a repair day where the city has none, and lets the city fill what the national layer leaves open', () => {
    const merged = mergeWithNationalBaseline(city('2027-05-01', null), {
      repairEligibleFrom: cite(day('2026-08-02'), 'national'),
    });
    expect(merged.repairEligibleFrom.value?.toString()).toBe('2026-08-02');
    expect(merged.disclosureLastDay.value?.toString()).toBe('2027-05-01');
    expect(merged.published.source).toBe('city');
  });

  it('prefers "not published" over "published"', () => {
    const merged = mergeWithNationalBaseline(
      city('2027-05-01', '2026-08-02'),
      national('2026-08-01', null, false),
    );
    expect(merged.published.value).toBe(false);
    expect(merged.published.source).toBe('national');
  });
});
