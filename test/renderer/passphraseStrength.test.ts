import { describe, expect, it } from 'vitest';
import { estimateBits, isStrongEnough, strengthOf } from '../../renderer/src/features/start/passphraseStrength';

describe('passphrase strength hint', () => {
  it('is empty for nothing and weak for short or patterned input', () => {
    expect(strengthOf('')).toBe('empty');
    expect(strengthOf('abc123')).toBe('weak');
    expect(strengthOf('aaaaaaaaaaaaaaaa')).toBe('weak');
    expect(strengthOf('abcdefghijklmnop')).toBe('weak');
  });

  it('rates several unrelated words well above a short password', () => {
    expect(estimateBits('harbour tide lantern 1987 quay')).toBeGreaterThan(estimateBits('Tr0ub4dor'));
    expect(['good', 'strong']).toContain(strengthOf('harbour tide lantern 1987 quay'));
  });

  it('counts characters outside ASCII (other scripts) as a larger alphabet', () => {
    expect(estimateBits('مفتاح سري للقضية')).toBeGreaterThan(estimateBits('abcdefghijklmnop'));
  });

  it('asks for at least a fair passphrase to create a case', () => {
    expect(isStrongEnough('abc123')).toBe(false);
    expect(isStrongEnough('harbour tide lantern 1987 quay')).toBe(true);
  });
});
