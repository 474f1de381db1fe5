import { describe, expect, it } from 'vitest';
import { isDeadStock, lotActionsFor } from './lot-actions';

const kinds = (offers: { kind: string }[]) => offers.map((o) => o.kind);

describe('lotActionsFor', () => {
  it('offers a manager everything a stocked, available lot allows', () => {
    expect(kinds(lotActionsFor({ status: 'available', effectiveStatus: 'available', onHand: 50 }, 'manager'))).toEqual([
      'use', 'waste', 'adjust', 'quarantine', 'recall', 'return', 'destroy',
    ]);
  });

  it('leaves managers-only actions to managers and gives the auditor none', () => {
    expect(kinds(lotActionsFor({ status: 'available', effectiveStatus: 'available', onHand: 50 }, 'therapist'))).toEqual(['use', 'waste', 'quarantine']);
    expect(lotActionsFor({ status: 'available', effectiveStatus: 'available', onHand: 50 }, 'auditor')).toEqual([]);
  });

  it('puts the ways out first for expired and recalled stock', () => {
    const expired = lotActionsFor({ status: 'available', effectiveStatus: 'expired', onHand: 20 }, 'manager');
    expect(expired.filter((o) => o.isWayOut).map((o) => o.kind)).toEqual(['quarantine', 'return', 'destroy']);
    expect(expired[0]?.kind).toBe('quarantine');
    expect(kinds(expired)).not.toContain('use');
    const recalled = lotActionsFor({ status: 'recalled', effectiveStatus: 'recalled', onHand: 20 }, 'manager');
    expect(kinds(recalled)).toEqual(['return', 'destroy', 'waste', 'adjust']);
    expect(isDeadStock({ effectiveStatus: 'recalled', onHand: 0 })).toBe(false);
  });

  it('offers release for quarantined stock and nothing for destroyed lots', () => {
    expect(kinds(lotActionsFor({ status: 'quarantined', effectiveStatus: 'quarantined', onHand: 5 }, 'manager'))).toContain('release');
    expect(lotActionsFor({ status: 'destroyed', effectiveStatus: 'destroyed', onHand: 0 }, 'manager')).toEqual([]);
  });
});
