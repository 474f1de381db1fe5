import { describe, expect, it } from 'vitest';
import { takeAccessToken, type TokenPlaces } from './access-token';

function places(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [['clinic-ops.token', stored]] : []);
  const replaced: string[] = [];
  const p: TokenPlaces = {
    location: { hash, pathname: '/', search: '' },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    history: { replaceState: (_d, _t, url) => void replaced.push(String(url)) },
  };
  return { p, storage, replaced };
}

describe('takeAccessToken', () => {
  it('takes the token from the fragment, stores it and clears the address bar', () => {
    const { p, storage, replaced } = places('#token=abc_DEF-123');
    expect(takeAccessToken(p)).toBe('abc_DEF-123');
    expect(storage.get('clinic-ops.token')).toBe('abc_DEF-123');
    expect(replaced).toEqual(['/#/']);
  });

  it('falls back to the stored token on a reload', () => {
    const { p, replaced } = places('#/staff', 'stored');
    expect(takeAccessToken(p)).toBe('stored');
    expect(replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeAccessToken(places('').p)).toBeNull();
  });

  it('ignores a fragment that is not a token', () => {
    expect(takeAccessToken(places('#token=<script>').p)).toBeNull();
  });
});
