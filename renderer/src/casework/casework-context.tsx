import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, Assignee, District, Municipality, SessionUser } from '../../../core/contract';
import { call } from '../api/client';
import { useLoader } from '../api/use-loader';

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

interface Loaded {
  districts: District[];
  municipalities: Municipality[];
  colleagues: Assignee[];
  casePrefix: string | null;
}

/** Colleagues a case can be assigned to (enabled, not auditors); every casework role may ask. */
async function loadAssignees(): Promise<Assignee[]> {
  try {
    return await call('users:assignees', {});
  } catch {
    return [];
  }
}

async function loadPrefix(): Promise<string | null> {
  try {
    return (await call('settings:get', {})).casePrefix;
  } catch {
    return null;
  }
}

/** The same for every user: reference data, the people cases can go to, the case-number prefix. */
async function loadShared(): Promise<Loaded> {
  const [districts, municipalities, colleagues, casePrefix] = await Promise.all([
    call('reference:districts', {}),
    call('reference:municipalities', {}),
    loadAssignees(),
    loadPrefix(),
  ]);
  return { districts, municipalities, colleagues, casePrefix };
}

const CaseworkContext = createContext<CaseworkData | null>(null);

/** Reference data and people the casework views share; loaded once per visit to a view. */
export function CaseworkProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const loaded = useLoader(loadShared);
  const value = useMemo((): CaseworkData => {
    const me: Assignee = { id: user.id, displayName: user.displayName, role: user.role };
    const others = (loaded.data?.colleagues ?? []).filter((c) => c.id !== user.id);
    return {
      user,
      districts: loaded.data?.districts ?? [],
      municipalities: loaded.data?.municipalities ?? [],
      assignees: [me, ...others],
      casePrefix: loaded.data?.casePrefix ?? null,
      error: loaded.error,
    };
  }, [user, loaded.data, loaded.error]);
  return <CaseworkContext.Provider value={value}>{children}</CaseworkContext.Provider>;
}

export function useCasework(): CaseworkData {
  const value = useContext(CaseworkContext);
  if (value === null) throw new Error('useCasework outside CaseworkProvider');
  return value;
}
