// The browser mode's per-run token: it arrives once in the URL fragment and then lives only in this tab's sessionStorage.
const storageKey = 'clinic-ops.token';
const fragmentPattern = /^#token=([A-Za-z0-9_-]+)$/;

export interface TokenPlaces {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState'>;
}

/**
 * Reads the token from `#token=...` (and stores it), or from sessionStorage on a reload.
 * The fragment is removed from the address bar so it is not bookmarked, shared or shown over a shoulder;
 * this must run before the hash router reads the fragment as a route.
 */
export function takeAccessToken({ location, storage, history }: TokenPlaces): string | null {
  const found = fragmentPattern.exec(location.hash);
  if (found?.[1]) {
    storage.setItem(storageKey, found[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return found[1];
  }
  return storage.getItem(storageKey);
}
