// A lot's effective status as a badge with a symbol and words (available, on hold, quarantined, recalled, expired, ...).
import type { EffectiveLotStatus } from '../../../db/inventory/inventory-contract';
import { StatusBadge } from '../../components/StatusBadge';
import { lotStatusStyleOf } from './inventory-labels';

export function LotStatusBadge({ status }: { status: EffectiveLotStatus }) {
  const { tone, label } = lotStatusStyleOf(status);
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}
