import { createContext, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, District, Municipality, SessionUser } from '../../../core/contract';
import { call } from '../api/client';
import { useLoader } from '../api/use-loader';

export interface Assignee {
  id: number;
  displayName: string;
}

interface CaseworkData {
  user: SessionUser;
  districts: readonly District[];
  municipalities: readonly Municipality[];
  /** People a case can be assigned to: the user, and for administrators every active colleague who does casework. */
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

const CASEWORK_ROLES = new Set(['caseworker', 'team_lead', 'administrator']);

/** users:list is for administrators only; anyone else can assign to themselves or to no one. */
async function loadColleagues(user: SessionUser): Promise<Assignee[]> {
  if (user.role !== 'administrator') return [];
  try {
    const users = await call('users:list', {});
    return users.filter((u) => u.disabledAt === null && CASEWORK_ROLES.has(u.role)).map((u) => ({ id: u.id, displayName: u.displayName }));
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

const CaseworkContext = createContext<CaseworkData | null>(null);

/** Reference data and people the casework views share; loaded once per visit to a view. */
export function CaseworkProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const load = useCallback(async (): Promise<Loaded> => {
    const [districts, municipalities, colleagues, casePrefix] = await Promise.all([
      call('reference:districts', {}),
      call('reference:municipalities', {}),
      loadColleagues(user),
      loadPrefix(),
    ]);
    return { districts, municipalities, colleagues, casePrefix };
  }, [user]);
  const loaded = useLoader(load);
  const value = useMemo((): CaseworkData => {
    const me: Assignee = { id: user.id, displayName: user.displayName };
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
