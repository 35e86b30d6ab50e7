import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../policy/profile-id.ts';
import { loadProfile, versionInForce } from '../policy/resolver.ts';
import { parseLocalDate } from '../time/local-date.ts';
import { buildCalendar } from '../time/official-calendar.ts';
import {
  admissibility,
  centerFinalStep,
  closableWithoutVerification,
  forwardRequired,
  objectionCaseNumber,
  parseObjectionCaseNumber,
  providerStep,
  stepsOnAcceptance,
  suspendedByLateVerification,
} from './rules.ts';

const d = parseLocalDate;
// The packaged official data: its 2024 arrangement is the spec's fixture calendar (§0.3 C1).
const calendar = buildCalendar([]);

function paramsOf(id: ProfileId) {
  return versionInForce(loadProfile(id), d('2024-03-04')).version.parameters;
}
const xm = paramsOf('xiamen');
const wh = paramsOf('weihai');
const nt = paramsOf('nantong');

function dueDates(steps: ReadonlyArray<{ step: string; dueOn: { toString(): string } }>) {
  return Object.fromEntries(steps.map((s) => [s.step, s.dueOn.toString()]));
}

describe('objection intake (R121)', () => {
  it('R121 NT: a ground-(3) objection without evidence is not accepted (EVIDENCE_REQUIRED)', () => {
    expect(admissibility(nt.objections, { ground: 'USED_BEYOND_PERIOD', evidence: null })).toBe(
      'EVIDENCE_REQUIRED',
    );
    expect(admissibility(nt.objections, { ground: 'USED_BEYOND_PERIOD', evidence: '  ' })).toBe(
      'EVIDENCE_REQUIRED',
    );
    expect(admissibility(nt.objections, { ground: 'USED_BEYOND_PERIOD', evidence: '判决书' })).toBeNull();
  });

  it('R121 a ground the city does not admit is not accepted; XM and WH need no evidence', () => {
    expect(admissibility(xm.objections, { ground: 'USED_BEYOND_PERIOD', evidence: 'x' })).toBe(
      'GROUND_NOT_ADMISSIBLE',
    );
    expect(admissibility(nt.objections, { ground: 'RIGHTS_INFRINGEMENT', evidence: 'x' })).toBe(
      'GROUND_NOT_ADMISSIBLE',
    );
    expect(admissibility(xm.objections, { ground: 'ERROR_OR_OMISSION', evidence: null })).toBeNull();
    expect(admissibility(wh.objections, { ground: 'RIGHTS_INFRINGEMENT', evidence: null })).toBeNull();
  });
});

describe('forwarding after the comparison (A-44)', () => {
  it('R123 XM forwards in both cases; WH only when the platform matches the source; NT leaves it to the center', () => {
    expect(forwardRequired(xm.objections, 'CONSISTENT')).toBe(true);
    expect(forwardRequired(xm.objections, 'INCONSISTENT')).toBe(true);
    expect(forwardRequired(wh.objections, 'CONSISTENT')).toBe(true);
    expect(forwardRequired(wh.objections, 'INCONSISTENT')).toBe(false);
    expect(forwardRequired(nt.objections, null)).toBeNull();
  });
});

describe('closing before the provider answers', () => {
  it('R125 R127 R132 XM never (the provider decides); WH once its comparison is recorded; NT at the center’s judgement', () => {
    expect(closableWithoutVerification(xm.objections, true)).toBe(false);
    expect(closableWithoutVerification(wh.objections, false)).toBe(false);
    expect(closableWithoutVerification(wh.objections, true)).toBe(true);
    expect(closableWithoutVerification(nt.objections, false)).toBe(true);
  });
});

describe('Xiamen deadlines', () => {
  it('R123 accepted 2024-03-04 (Mon): the comparison is due 2024-03-06; accepted 2024-09-27 (Fri): due 2024-09-30', () => {
    const march = stepsOnAcceptance(calendar, xm.objections, {
      receivedOn: d('2024-03-04'),
      acceptedOn: d('2024-03-04'),
    });
    expect(dueDates(march)).toEqual({ COMPARISON: '2024-03-06' });
    const september = stepsOnAcceptance(calendar, xm.objections, {
      receivedOn: d('2024-09-27'),
      acceptedOn: d('2024-09-27'),
    });
    expect(dueDates(september)).toEqual({ COMPARISON: '2024-09-30' });
  });

  it('R124 a notice received 2024-03-06 is due 2024-03-11; one received 2024-09-30 is due 2024-10-10', () => {
    expect(providerStep(calendar, xm.objections, d('2024-03-06')).dueOn.toString()).toBe('2024-03-11');
    expect(providerStep(calendar, xm.objections, d('2024-09-30')).dueOn.toString()).toBe('2024-10-10');
  });

  it('R125 a provider result on 2024-03-11 makes the center due 2024-03-12, acceptance + 6 WD', () => {
    expect(centerFinalStep(calendar, xm.objections, d('2024-03-11'))?.dueOn.toString()).toBe('2024-03-12');
    expect(calendar.addWorkdays(d('2024-03-04'), 6).toString()).toBe('2024-03-12');
  });

  it('R126 a provider due 2024-03-11 without a result suspends the record from 2024-03-12 until the case is processed', () => {
    const due = { dueOn: d('2024-03-11'), answeredOn: null };
    expect(suspendedByLateVerification(xm.disclosure, due, d('2024-03-11'))).toBe(false);
    expect(suspendedByLateVerification(xm.disclosure, due, d('2024-03-12'))).toBe(true);
    const late = { dueOn: d('2024-03-11'), answeredOn: d('2024-03-14') };
    expect(suspendedByLateVerification(xm.disclosure, late, d('2024-03-15'))).toBe(true);
    expect(centerFinalStep(calendar, xm.objections, d('2024-03-14'))?.dueOn.toString()).toBe('2024-03-15');
    const onTime = { dueOn: d('2024-03-11'), answeredOn: d('2024-03-11') };
    expect(suspendedByLateVerification(xm.disclosure, onTime, d('2024-03-12'))).toBe(false);
  });
});

describe('Weihai deadlines', () => {
  it('R128 received 2024-03-04 and forwarded 2024-03-05: provider due 2024-03-26, SLA target 2024-03-13; upheld 2024-03-20: center due 2024-03-21', () => {
    const steps = stepsOnAcceptance(calendar, wh.objections, {
      receivedOn: d('2024-03-04'),
      acceptedOn: d('2024-03-04'),
    });
    expect(dueDates(steps)).toEqual({ COMPARISON: '2024-03-07', SLA_TARGET: '2024-03-13' });
    expect(providerStep(calendar, wh.objections, d('2024-03-05')).dueOn.toString()).toBe('2024-03-26');
    expect(centerFinalStep(calendar, wh.objections, d('2024-03-20'))?.dueOn.toString()).toBe('2024-03-21');
  });

  it('R129 a provider due 2024-03-26 without a result suspends the record on 2024-03-27', () => {
    const due = { dueOn: d('2024-03-26'), answeredOn: null };
    expect(suspendedByLateVerification(wh.disclosure, due, d('2024-03-26'))).toBe(false);
    expect(suspendedByLateVerification(wh.disclosure, due, d('2024-03-27'))).toBe(true);
  });
});

describe('Nantong deadlines', () => {
  it('R132 received 2024-03-04, verification request received 2024-03-05: review due 2024-03-18, provider due 2024-03-12', () => {
    const steps = stepsOnAcceptance(calendar, nt.objections, {
      receivedOn: d('2024-03-04'),
      acceptedOn: d('2024-03-04'),
    });
    expect(dueDates(steps)).toEqual({ REVIEW: '2024-03-18' });
    expect(providerStep(calendar, nt.objections, d('2024-03-05')).dueOn.toString()).toBe('2024-03-12');
    expect(centerFinalStep(calendar, nt.objections, d('2024-03-12'))).toBeNull();
  });

  it('R133 a provider that misses 2024-03-12 never suspends the record', () => {
    const due = { dueOn: d('2024-03-12'), answeredOn: null };
    expect(suspendedByLateVerification(nt.disclosure, due, d('2024-03-13'))).toBe(false);
  });
});

describe('case numbers', () => {
  it('name the city and the case, and read back only in that city', () => {
    expect(objectionCaseNumber('nantong', 15)).toBe('OBJ-NT-15');
    expect(parseObjectionCaseNumber('nantong', 'obj-nt-15')).toBe(15);
    expect(parseObjectionCaseNumber('xiamen', 'OBJ-NT-15')).toBeNull();
    expect(parseObjectionCaseNumber('xiamen', 'OBJ-XM-')).toBeNull();
  });
});
