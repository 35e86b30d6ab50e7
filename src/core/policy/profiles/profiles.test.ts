import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../time/local-date.ts';
import { citedLeaves } from '../cited.ts';
import { PROFILE_IDS } from '../profile-id.ts';
import { loadProfile } from '../resolver.ts';
import { NATIONAL_BASELINE_VERSIONS } from './national.ts';

const versions = PROFILE_IDS.flatMap((id) =>
  loadProfile(id, { nantongIssuedOn: parseLocalDate('2018-01-01') }).versions.map((version) => ({
    name: `${id} ${version.versionId}`,
    version,
  })),
);

/** A citation names a source file ("000 …"), a spec item (A-n, Rn, §), a national text or a statute. */
const CITATION = /\b00[0-4]\b|\bA-\d+|\bR\d+|§|NDRC|民法典|立法法|SILENT/;

describe.each(versions)('R1 $name carries every parameter with its citation', ({ version }) => {
  const { leaves, uncited } = citedLeaves(version.parameters);

  it('R1 has no parameter without a citation', () => {
    expect(uncited).toEqual([]);
  });

  it('R1 cites a source for every parameter', () => {
    const missing = leaves.filter(({ leaf }) => !CITATION.test(leaf.source)).map(({ path }) => path);
    expect(missing).toEqual([]);
  });

  it('R1 has the same parameters as every other profile', () => {
    const reference = citedLeaves(versions[0]?.version.parameters ?? {}).leaves.map(({ path }) => path);
    expect(leaves.map(({ path }) => path)).toEqual(reference);
  });

  it('R2 cites its effective dates', () => {
    expect(version.effectiveFrom.source).toMatch(CITATION);
    expect(version.effectiveTo.source).toMatch(CITATION);
  });
});

describe('R1 citation completeness check', () => {
  it('R1 reports a value someone forgot to cite', () => {
    const version = versions[0]?.version;
    if (version === undefined) throw new Error('no profile loaded');
    const broken = { ...version.parameters, periods: { ...version.parameters.periods, termZh: '公示期限' } };
    expect(citedLeaves(broken).uncited).toEqual(['periods.termZh']);
  });
});

describe.each(NATIONAL_BASELINE_VERSIONS.map((version) => ({ name: version.versionId, version })))(
  'DESIGN Decision 1 national baseline $name',
  ({ version }) => {
    it('cites every figure and says it is not yet checked against the final text', () => {
      const { leaves, uncited } = citedLeaves(version.parameters);
      expect(uncited).toEqual([]);
      for (const { leaf } of leaves) expect(leaf.source).toMatch(CITATION);
      for (const tier of Object.values(version.parameters.tiers)) {
        for (const figure of [tier.minimumPublicity, tier.maximumPublicity, tier.publishedByDefault]) {
          expect(figure.note).toMatch(/not yet checked against the final text/);
        }
      }
    });
  },
);
