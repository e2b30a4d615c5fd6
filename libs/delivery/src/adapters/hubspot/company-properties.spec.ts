import { companyProperties, normalizeDomain } from './company-properties';

describe('companyProperties', () => {
  it('writes every trait as the string HubSpot takes: digits, a;b for lists, days as they are, empty for none', () => {
    expect(companyProperties({ s: 62.5, n: 3, l: ['A', 'B'], d: '2026-12-01', z: null, e: [] })).toEqual({
      s: '62.5',
      n: '3',
      l: 'A;B',
      d: '2026-12-01',
      z: '',
      e: '',
    });
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['Acme.com', 'acme.com'],
    ['https://www.acme.com/pricing?x=1', 'acme.com'],
    ['  http://app.acme.io  ', 'app.acme.io'],
    ['www.acme.co.uk', 'acme.co.uk'],
  ])('%p -> %p', (domain, normalized) => {
    expect(normalizeDomain(domain)).toBe(normalized);
  });
});
