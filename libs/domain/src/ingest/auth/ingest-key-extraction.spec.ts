import { extractBodyKey } from './extract-body-key';
import { parseAuthorizationHeader } from './parse-authorization-header';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('parseAuthorizationHeader', () => {
  it('reads Segment Basic base64(key:) as the username, raw token second', () => {
    expect(parseAuthorizationHeader(`Basic ${b64('wk_test:')}`)).toEqual(['wk_test', b64('wk_test:')]);
    expect(parseAuthorizationHeader('Basic d2tfdGVzdDo=')).toEqual(['wk_test', 'd2tfdGVzdDo=']);
  });

  it('reads Accoil v2 Basic <raw key> as the key', () => {
    expect(parseAuthorizationHeader('Basic coil_live_abc123')).toEqual(['coil_live_abc123']);
    expect(parseAuthorizationHeader('basic   YOUR_API_KEY ')).toEqual(['YOUR_API_KEY']);
  });

  it('keeps a raw key that happens to be valid base64 without a colon as the only candidate', () => {
    expect(parseAuthorizationHeader('Basic abcd1234')).toEqual(['abcd1234']);
  });

  it('returns nothing for missing, empty or other schemes', () => {
    expect(parseAuthorizationHeader(undefined)).toEqual([]);
    expect(parseAuthorizationHeader('')).toEqual([]);
    expect(parseAuthorizationHeader('Basic ')).toEqual([]);
    expect(parseAuthorizationHeader('Bearer abc')).toEqual([]);
    expect(parseAuthorizationHeader(`Basic ${b64(':password')}`)).toEqual([b64(':password')]);
  });
});

describe('extractBodyKey', () => {
  it('reads api_key, then writeKey, only as non-empty strings', () => {
    expect(extractBodyKey({ api_key: 'k1', writeKey: 'k2' })).toBe('k1');
    expect(extractBodyKey({ writeKey: 'k2' })).toBe('k2');
    expect(extractBodyKey({ api_key: '', writeKey: 3 })).toBeUndefined();
    expect(extractBodyKey([{ api_key: 'k' }])).toBeUndefined();
    expect(extractBodyKey(null)).toBeUndefined();
    expect(extractBodyKey('api_key=k')).toBeUndefined();
  });
});
