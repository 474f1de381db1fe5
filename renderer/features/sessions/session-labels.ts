// Words for session values on screen, so the form, the list, the detail and the reports say the same thing. Pure.
import { adverseEvents, bodyRegionLabels, bodyRegions, sessionKindLabels, type AdverseEvent, type BodyRegion, type SessionKind } from '../../../db/sessions/sessions-contract';

export const adverseEventLabels: Record<AdverseEvent, string> = {
  none: 'None',
  bruising: 'Bruising',
  bleeding: 'Bleeding',
  fainting: 'Fainting',
  suspected_pneumothorax: 'Suspected pneumothorax',
  other: 'Other',
};

export const adverseEventOptions = adverseEvents.map((value) => ({ value, label: adverseEventLabels[value] }));
export const bodyRegionOptions = bodyRegions.map((value) => ({ value, label: bodyRegionLabels[value] }));

export function kindLabel(kind: SessionKind): string {
  return sessionKindLabels[kind];
}

export function regionsLabel(regions: readonly BodyRegion[]): string {
  return regions.map((r) => bodyRegionLabels[r] ?? r).join(', ');
}

export const precautionLabels = {
  handHygiene: 'Hand hygiene',
  glovesWorn: 'Gloves worn',
  skinPrep: 'Skin prep',
  needlesToSharps: 'Needles straight into the sharps container',
} as const;

export type Precaution = keyof typeof precautionLabels;
export const precautions = Object.keys(precautionLabels) as Precaution[];

/** The precautions a session did not tick. */
export function missingPrecautions(session: Record<Precaution, boolean>): string[] {
  return precautions.filter((p) => !session[p]).map((p) => precautionLabels[p]);
}
