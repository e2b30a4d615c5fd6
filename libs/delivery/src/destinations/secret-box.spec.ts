import { SecretBox, secretHint } from './secret-box';

describe('SecretBox', () => {
  const key = 'k'.repeat(40);

  it('encrypts with a fresh iv each time and opens what it sealed', () => {
    const box = new SecretBox(key);
    const first = box.seal('whsec_abc');
    const second = box.seal('whsec_abc');
    expect(first).toMatch(/^enc:v1:[^:]+:[^:]+:[^:]+$/);
    expect(first).not.toContain('whsec_abc');
    expect(first).not.toBe(second);
    expect(new SecretBox(key).open(first)).toBe('whsec_abc');
  });

  it('refuses to open with another key or none, and passes plain values through', () => {
    const sealed = new SecretBox(key).seal('token');
    expect(() => new SecretBox('z'.repeat(40)).open(sealed)).toThrow('COIL_SECRET_KEY differs');
    expect(() => new SecretBox(null).open(sealed)).toThrow('set COIL_SECRET_KEY');
    const warnings: string[] = [];
    const plain = new SecretBox(null, () => warnings.push('plain'));
    expect([plain.seal('token'), plain.seal('other')]).toEqual(['token', 'other']);
    expect(warnings).toEqual(['plain']);
    expect(new SecretBox(key).open('legacy-plain')).toBe('legacy-plain');
  });

  it('hints at a secret by its last four characters', () => {
    expect(secretHint('whsec_abcdefgh')).toBe('…efgh');
  });
});
