import { describe, expect, it } from 'vitest';
import { pdfFileName } from './print-page';

describe('pdfFileName', () => {
  it('names the PDF after what is printed and the date', () => {
    expect(pdfFileName('Sessions list', '2026-03-02')).toBe('clinic-ops-sessions-list-2026-03-02.pdf');
    expect(pdfFileName('Recall trace: lot 7/B', '2026-03-02')).toBe('clinic-ops-recall-trace-lot-7-b-2026-03-02.pdf');
    expect(pdfFileName('!!!', '2026-03-02')).toBe('clinic-ops-page-2026-03-02.pdf');
  });
});
