import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, Assignee, District, Municipality, SessionUser } from '../../../core/contract';
import { call } from '../api/client';
import { useChannel, useQuery } from '../api/query';

interface CaseworkData {
  user: SessionUser;
  districts: readonly District[];
  municipalities: readonly Municipality[];
  /** People a case can be assigned to: the user first, then every enabled colleague who does casework. */
  assignees: readonly Assignee[];
  /** The team's case-number prefix, for the search hint; null until known. */
  casePrefix: string | null;
  error: ApiError | null;
}

/** Colleagues a case can be assigned to (enabled, not auditors); every casework role may ask. */
async function loadAssignees(): Promise<Assignee[]> {
  try {
    return await call('users:assignees', {});
  } catch {
    return [];
  }
}

const CaseworkContext = createContext<CaseworkData | null>(null);

/** Reference data and people the casework views share; loaded once per visit to a view. */
export function CaseworkProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const districts = useChannel('reference:districts', {});
  const municipalities = useChannel('reference:municipalities', {});
  const colleagues = useQuery(['users:assignees', {}], loadAssignees);
  // The prefix is only a hint: without the settings there is none.
  const settings = useChannel('settings:get', {});
  const error = districts.error ?? municipalities.error;
  const value = useMemo((): CaseworkData => {
    const me: Assignee = { id: user.id, displayName: user.displayName, role: user.role };
    const others = (colleagues.data ?? []).filter((c) => c.id !== user.id);
    return {
      user,
      districts: districts.data ?? [],
      municipalities: municipalities.data ?? [],
      assignees: [me, ...others],
      casePrefix: settings.data?.casePrefix ?? null,
      error,
    };
  }, [user, districts.data, municipalities.data, colleagues.data, settings.data, error]);
  return <CaseworkContext.Provider value={value}>{children}</CaseworkContext.Provider>;
}

export function useCasework(): CaseworkData {
  const value = useContext(CaseworkContext);
  if (value === null) throw new Error('useCasework outside CaseworkProvider');
  return value;
}
