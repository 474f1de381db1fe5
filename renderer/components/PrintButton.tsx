// Prints the page as it is on screen, without the app frame (see print.css); hidden on paper itself.
import { printPage } from '../lib/print-page';
import { Button } from '@mantine/core';
import './print.css';

export function PrintButton({ label = 'Print', what }: { label?: string; what: string }) {
  return (
    <Button variant="default" onClick={() => void printPage(what)} aria-label={`Print ${what}`} data-print="hide">
      {label}
    </Button>
  );
}
