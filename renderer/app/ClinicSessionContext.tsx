// The clinic and the acting staff member, for screens that only render once someone is signed in.
import { createContext, useContext, type ReactNode } from 'react';
import type { ClinicProfile, ClinicStatus } from '../../db/clinic/clinic-contract';

export interface ClinicSession {
  clinic: ClinicProfile;
  acting: NonNullable<ClinicStatus['actingStaff']>;
  /** Today's business date in the clinic's time zone (YYYY-MM-DD). */
  today: string;
  idleLockMinutes: number;
  appVersion: string;
}

const ClinicSessionContext = createContext<ClinicSession | null>(null);

export function ClinicSessionProvider({ session, children }: { session: ClinicSession; children: ReactNode }) {
  return <ClinicSessionContext value={session}>{children}</ClinicSessionContext>;
}

export function useClinicSession(): ClinicSession {
  const session = useContext(ClinicSessionContext);
  if (!session) throw new Error('useClinicSession must be used behind the session gate');
  return session;
}
