import type { District } from './types.ts';

/*
 * County-level divisions (GB/T 2260, as published by the Ministry of Civil Affairs) of the three cities.
 * Nantong was redrawn in 2020: 崇川区 and 港闸区 merged into a new 崇川区 (320613) and 海门市 became 海门区
 * (320614), so the old codes 320602, 320611 and 320684 are gone. `formerCodes` lists codes a division
 * used to carry, which older resident ID numbers still do.
 * Functional zones (e.g. Weihai's national development zones and 南海新区, which 003 第六条 counts among the
 * 区市) have no GB/T 2260 county code of their own and are not listed.
 */

export const xiamenDistricts: readonly District[] = [
  // 2003: 鼓浪屿区 (350202) and 开元区 (350204) merged into 思明区.
  {
    code: '350203',
    name: '思明区',
    nameEn: 'Siming District',
    kind: 'district',
    formerCodes: ['350202', '350204'],
  },
  // 2003: 杏林区 renamed 海沧区, keeping its code.
  { code: '350205', name: '海沧区', nameEn: 'Haicang District', kind: 'district', formerCodes: [] },
  { code: '350206', name: '湖里区', nameEn: 'Huli District', kind: 'district', formerCodes: [] },
  { code: '350211', name: '集美区', nameEn: 'Jimei District', kind: 'district', formerCodes: [] },
  { code: '350212', name: '同安区', nameEn: 'Tong’an District', kind: 'district', formerCodes: [] },
  { code: '350213', name: '翔安区', nameEn: 'Xiang’an District', kind: 'district', formerCodes: [] },
];

export const weihaiDistricts: readonly District[] = [
  { code: '371002', name: '环翠区', nameEn: 'Huancui District', kind: 'district', formerCodes: [] },
  // 2014: 文登市 (371081) became 文登区.
  { code: '371003', name: '文登区', nameEn: 'Wendeng District', kind: 'district', formerCodes: ['371081'] },
  { code: '371082', name: '荣成市', nameEn: 'Rongcheng', kind: 'county_level_city', formerCodes: [] },
  { code: '371083', name: '乳山市', nameEn: 'Rushan', kind: 'county_level_city', formerCodes: [] },
];

export const nantongDistricts: readonly District[] = [
  // 2020: the old 崇川区 (320602) and 港闸区 (320611) merged.
  {
    code: '320613',
    name: '崇川区',
    nameEn: 'Chongchuan District',
    kind: 'district',
    formerCodes: ['320602', '320611'],
  },
  // 2009: 通州市 (320683) became 通州区.
  { code: '320612', name: '通州区', nameEn: 'Tongzhou District', kind: 'district', formerCodes: ['320683'] },
  // 2020: 海门市 (320684) became 海门区.
  { code: '320614', name: '海门区', nameEn: 'Haimen District', kind: 'district', formerCodes: ['320684'] },
  { code: '320623', name: '如东县', nameEn: 'Rudong County', kind: 'county', formerCodes: [] },
  { code: '320681', name: '启东市', nameEn: 'Qidong', kind: 'county_level_city', formerCodes: [] },
  { code: '320682', name: '如皋市', nameEn: 'Rugao', kind: 'county_level_city', formerCodes: [] },
  // 2018: 海安县 (320621) became 海安市.
  { code: '320685', name: '海安市', nameEn: 'Hai’an', kind: 'county_level_city', formerCodes: ['320621'] },
];
