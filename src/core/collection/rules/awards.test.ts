import { describe, expect, it } from 'vitest';
import { localDate } from '../../time/local-date.ts';
import { type AwardingBody, type BodyLevel, classifyAwardingBody } from './awards.ts';

const TODAY = localDate(2024, 3, 5);

function levelOf(body: AwardingBody, ownCity = '厦门市'): BodyLevel {
  return classifyAwardingBody(body, { ownCity, today: TODAY });
}

function known(lowest: string, highest = lowest) {
  return expect.objectContaining({ kind: 'known', range: { lowest, highest } });
}

describe('R32 the level of an awarding body from its name', () => {
  it.each([
    ['国务院', 'national'],
    ['中华人民共和国应急管理部', 'national'],
    ['国家市场监督管理总局', 'national'],
    ['共青团中央', 'national'],
    ['福建省人民政府', 'provincial'],
    ['广西壮族自治区人民政府', 'provincial'],
    ['上海市人民政府', 'provincial'],
    ['厦门市人民政府', 'municipal'],
    ['中共厦门市委', 'municipal'],
    ['国家税务总局厦门市税务局', 'municipal'],
    ['厦门市市场监督管理局', 'municipal'],
    ['延边朝鲜族自治州人民政府', 'municipal'],
    ['思明区人民政府', 'county'],
    ['思明区市场监督管理局', 'county'],
    ['厦门市思明区人民政府', 'county'],
    ['上海市浦东新区人民政府', 'county'],
    ['广州市天河区人民政府', 'county'],
    ['山东省威海市荣成市人民政府', 'county'],
    ['厦门市湖里区江头街道办事处', 'township'],
    ['荣成市俚岛镇人民政府', 'township'],
  ])('R32 %s is %s', (name, level) => {
    expect(levelOf({ name })).toEqual(known(level));
  });

  it('R32 a city named alone may be county-level or prefecture-level: 荣成市人民政府', () => {
    expect(levelOf({ name: '荣成市人民政府' })).toEqual(known('county', 'municipal'));
  });

  it("R32 the profile's own city is of the municipal level", () => {
    expect(levelOf({ name: '威海市人民政府' }, '威海市')).toEqual(known('municipal'));
    expect(levelOf({ name: '威海市人民政府' })).toEqual(known('county', 'municipal'));
  });

  it('R32 a name with no place and no national organ says nothing', () => {
    expect(levelOf({ name: '某某协会' })).toEqual({ kind: 'unknown' });
  });
});

describe('R32 the level from the stated 表彰级别 and the body USCC', () => {
  it.each([
    ['国家级', 'national'],
    ['省级', 'provincial'],
    ['市级', 'municipal'],
    ['区级', 'county'],
    ['县（市、区）级', 'county'],
    ['乡镇级', 'township'],
  ])('R32 表彰级别 %s is %s', (level, expected) => {
    expect(levelOf({ level })).toEqual(known(expected));
  });

  it.each([
    ['11100000000013004C', 'national'],
    ['11350000003591037R', 'provincial'],
    ['11350200003000014Y', 'municipal'],
    ['11371082004123454T', 'county'],
  ])('R32 a body registered at %s is %s (GB/T 2260 region in the USCC)', (code, expected) => {
    expect(levelOf({ code })).toEqual(known(expected));
  });

  it('R32 an invalid USCC or an unknown level word says nothing', () => {
    expect(levelOf({ code: '11350200003000015Y', level: '很高' })).toEqual({ kind: 'unknown' });
  });

  it('R32 the sources narrow each other: 荣成市 stated as 县级 is a county-level city', () => {
    const level = levelOf({ name: '荣成市人民政府', level: '县级' });
    expect(level).toEqual({
      kind: 'known',
      range: { lowest: 'county', highest: 'county' },
      roles: ['awardLevel', 'decidingAuthority'],
    });
  });

  it('R32 sources that cannot both be right are a conflict', () => {
    expect(levelOf({ name: '思明区人民政府', code: '11350200003000014Y' })).toMatchObject({
      kind: 'conflict',
    });
  });
});
