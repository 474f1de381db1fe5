// Prints the page as it is on screen, without the app frame (see print.css); hidden on paper itself.
import { Button } from '@mantine/core';
import './print.css';

export function PrintButton({ label = 'Print', what }: { label?: string; what: string }) {
  return (
    <Button variant="default" onClick={() => window.print()} aria-label={`Print ${what}`} data-print="hide">
      {label}
    </Button>
  );
}
