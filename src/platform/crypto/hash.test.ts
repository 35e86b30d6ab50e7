import { describe, expect, it } from 'vitest';
import { digest, hashChildren, hashLeaf } from './hash.ts';

describe('SM3 (GB/T 32905-2016) as node:crypto provides it', () => {
  it('example 1: "abc"', () => {
    expect(digest('sm3', Buffer.from('abc')).toString('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('example 2: "abcd" sixteen times (64 bytes, two blocks after padding)', () => {
    expect(digest('sm3', Buffer.from('abcd'.repeat(16))).toString('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('RFC 6962 domain separation', () => {
  it('a leaf hashes with 0x00 and a node with 0x01 in front, so neither passes for the other', () => {
    const a = Buffer.from('a');
    const b = Buffer.from('b');
    expect(hashLeaf('sha256', a)).toEqual(digest('sha256', Buffer.from([0x00, 0x61])));
    expect(hashChildren('sm3', a, b)).toEqual(digest('sm3', Buffer.from([0x01, 0x61, 0x62])));
    expect(hashLeaf('sm3', Buffer.concat([a, b]))).not.toEqual(hashChildren('sm3', a, b));
  });
});
