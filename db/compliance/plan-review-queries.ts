// Read models for exposure control plan reviews: the yearly injury rate beside each review, and the next due date.
import type { Database } from 'better-sqlite3';
import { addYears } from './compliance-dates';
import { countInjuriesInYear } from './injury-store';
import type { InjuryRate } from './plan-review-contract';
import { countSessionsInYear, lastPlanReviewOn } from './plan-review-store';

/** The review's input on device performance: injuries per 1,000 recorded needling sessions in a calendar year. */
export function injuryRate(db: Database, year: number): InjuryRate {
  const injuries = countInjuriesInYear(db, year);
  const sessions = countSessionsInYear(db, year);
  return { year, injuries, sessions, per1000Sessions: sessions === 0 ? null : Math.round((injuries / sessions) * 1000 * 100) / 100 };
}

/** (c)(1)(iv): reviewed at least annually; due one year after the last review. */
export function nextPlanReviewDue(db: Database): { lastReviewedOn: string | null; nextDueOn: string | null } {
  const lastReviewedOn = lastPlanReviewOn(db);
  return { lastReviewedOn, nextDueOn: lastReviewedOn === null ? null : addYears(lastReviewedOn, 1) };
}
