// A record named in the address (?id=12, ?staff=4), as calendar links open it: its row is marked and scrolled to.
import { useSearchParams } from 'react-router';
import { idFromParam } from './compliance-paths';

export function useHighlightedId(param: 'id' | 'staff' = 'id'): number | undefined {
  const [params] = useSearchParams();
  return idFromParam(params.get(param));
}

function scrollIntoView(element: HTMLElement | null): void {
  element?.scrollIntoView?.({ block: 'center' });
}

/** Props for the row of the record the address names: marked for assistive technology and by colour. */
export function highlightProps(isHighlighted: boolean) {
  return isHighlighted ? { 'aria-current': 'true' as const, bg: 'yellow.0', ref: scrollIntoView } : {};
}
