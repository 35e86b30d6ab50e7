import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPersonName } from './masking.ts';

describe('maskIdNumber', () => {
  it('keeps the first four and last four characters of a resident ID (XM-NP)', () => {
    expect(maskIdNumber('35020319900101123X')).toBe('3502**********123X');
  });

  it('keeps only the first and last two characters of a shorter document', () => {
    expect(maskIdNumber('E12345678')).toBe('E******78');
  });

  it('masks a very short value entirely', () => {
    expect(maskIdNumber('A123')).toBe('****');
  });

  it('never reveals a middle character and keeps the length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,24}$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        const shown = [...masked].filter((c) => c !== '*').length;
        expect(shown).toBeLessThanOrEqual(8);
        if (id.length >= 15) expect(masked.slice(4, -4)).toMatch(/^\*+$/);
      }),
    );
  });
});

describe('maskPersonName', () => {
  it('shows the family name only', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('李小龙')).toBe('李**');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
  });

  it('masks a one-character name and keeps an empty one empty', () => {
    expect(maskPersonName('王')).toBe('王*');
    expect(maskPersonName(' ')).toBe('');
  });

  it('never shows more than the first character', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 12 }), (name) => {
        const trimmed = [...name.trim()];
        fc.pre(trimmed.length >= 2);
        const masked = [...maskPersonName(name)];
        expect(masked[0]).toBe(trimmed[0]);
        expect(masked.slice(1).every((c) => c === '*')).toBe(true);
      }),
    );
  });
});
