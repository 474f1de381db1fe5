import { describe, expect, it } from 'vitest';
import { currentBeforeSeq, hasNewerPage, newestPage, pageNumber, toNewerPage, toOlderPage } from './audit-paging';

describe('audit keyset paging', () => {
  it('walks older with the cursor and back newer along the stack', () => {
    const page2 = toOlderPage(newestPage, 151);
    const page3 = toOlderPage(page2, 101);
    expect(currentBeforeSeq(newestPage)).toBeUndefined();
    expect(currentBeforeSeq(page3)).toBe(101);
    expect(pageNumber(page3)).toBe(3);
    expect(toNewerPage(page3)).toEqual(page2);
    expect(currentBeforeSeq(toNewerPage(page2))).toBeUndefined();
    expect(hasNewerPage(newestPage)).toBe(false);
    expect(hasNewerPage(page2)).toBe(true);
  });

  it('stays on the newest page when asked for a newer one', () => {
    expect(toNewerPage(newestPage)).toEqual(newestPage);
  });
});
