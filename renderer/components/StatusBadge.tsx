// A coloured badge that also carries its meaning in text and a symbol, for readers who cannot tell the colours apart.
import { Badge } from '@mantine/core';

export type StatusTone = 'good' | 'bad' | 'neutral' | 'warning';

const toneStyle: Record<StatusTone, { color: string; symbol: string }> = {
  good: { color: 'teal', symbol: '✓' },
  bad: { color: 'red', symbol: '✗' },
  warning: { color: 'yellow', symbol: '!' },
  neutral: { color: 'gray', symbol: '–' },
};

export function StatusBadge({ tone, children }: { tone: StatusTone; children: string }) {
  const { color, symbol } = toneStyle[tone];
  return (
    <Badge color={color} variant="light" leftSection={<span aria-hidden="true">{symbol}</span>}>
      {children}
    </Badge>
  );
}
