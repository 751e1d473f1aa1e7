import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { QueryClient, QueryProvider, keyMatches, useQuery } from '../../renderer/src/api/query';
import type { QueryKey } from '../../renderer/src/api/query';
import { queryClient } from '../../renderer/src/api/query';
import { lockByUser } from '../../renderer/src/session/session-actions';
import { useSessionStore } from '../../renderer/src/session/session-store';
import { installBridge } from './fake-bridge';
import { lockedStatus, unlockedStatus } from './fixtures';

/** A loader that counts its calls and answers when told. */
function deferred() {
  const calls: ((value: string) => void)[] = [];
  const loader = (): Promise<string> => new Promise((resolve) => calls.push(resolve));
  return { calls, loader };
}

function Shows({ name, queryKey, loader }: { name: string; queryKey: QueryKey; loader: () => Promise<string> }) {
  const { data } = useQuery(queryKey, loader);
  return <p data-testid={name}>{data ?? 'loading'}</p>;
}

const flush = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('the query layer', () => {
  it('matches keys by prefix, objects by the fields the prefix names', () => {
    expect(keyMatches(['moves:list'], ['moves:list', { caseId: 3 }])).toBe(true);
    expect(keyMatches(['moves:list', { caseId: 3 }], ['moves:list', { caseId: 3 }])).toBe(true);
    expect(keyMatches(['moves:list', { caseId: 4 }], ['moves:list', { caseId: 3 }])).toBe(false);
    expect(keyMatches(['housing:list'], ['moves:list', { caseId: 3 }])).toBe(false);
  });

  it('asks once for two observers of a key, even in strict mode, and not again on a later mount while shown', async () => {
    const client = new QueryClient();
    const { calls, loader } = deferred();
    const view = render(
      <StrictMode>
        <QueryProvider client={client}>
          <Shows name="a" queryKey={['x:list', { id: 1 }]} loader={loader} />
          <Shows name="b" queryKey={['x:list', { id: 1 }]} loader={loader} />
        </QueryProvider>
      </StrictMode>,
    );
    expect(calls).toHaveLength(1);
    await act(async () => calls[0]?.('one'));
    expect(screen.getByTestId('a').textContent).toBe('one');
    expect(screen.getByTestId('b').textContent).toBe('one');
    view.rerender(
      <StrictMode>
        <QueryProvider client={client}>
          <Shows name="a" queryKey={['x:list', { id: 1 }]} loader={loader} />
          <Shows name="b" queryKey={['x:list', { id: 1 }]} loader={loader} />
          <Shows name="c" queryKey={['x:list', { id: 1 }]} loader={loader} />
        </QueryProvider>
      </StrictMode>,
    );
    expect(screen.getByTestId('c').textContent).toBe('one');
    expect(calls).toHaveLength(1);
  });

  it('refetches a shown key when invalidated, drops an unshown one, and asks again after the last observer left', async () => {
    const client = new QueryClient();
    const { calls, loader } = deferred();
    const view = render(
      <QueryProvider client={client}>
        <Shows name="a" queryKey={['x:list', { id: 1 }]} loader={loader} />
      </QueryProvider>,
    );
    await act(async () => calls[0]?.('one'));
    client.setData(['y:list', { id: 1 }], 'seeded');
    act(() => client.invalidate(['x:list']));
    act(() => client.invalidate(['y:list']));
    expect(calls).toHaveLength(2);
    expect(client.getState(['y:list', { id: 1 }]).data).toBeUndefined();
    await act(async () => calls[1]?.('two'));
    expect(screen.getByTestId('a').textContent).toBe('two');
    view.unmount();
    await flush();
    render(
      <QueryProvider client={client}>
        <Shows name="a" queryKey={['x:list', { id: 1 }]} loader={loader} />
      </QueryProvider>,
    );
    expect(calls).toHaveLength(3);
  });

  it('starts a seeded key from the seed without asking', async () => {
    const client = new QueryClient();
    const { calls, loader } = deferred();
    client.setData(['x:list', { id: 1 }], 'seeded');
    render(
      <QueryProvider client={client}>
        <Shows name="a" queryKey={['x:list', { id: 1 }]} loader={loader} />
      </QueryProvider>,
    );
    expect(screen.getByTestId('a').textContent).toBe('seeded');
    expect(calls).toHaveLength(0);
  });

  it('forgets everything when the session locks, and throws away answers that arrive afterwards', async () => {
    installBridge().ok('session:lock', lockedStatus());
    useSessionStore.setState({ status: unlockedStatus() });
    const { calls, loader } = deferred();
    queryClient.setData(['cases:get', { id: 1 }], 'a name');
    render(<Shows name="a" queryKey={['x:list', { id: 2 }]} loader={loader} />);
    act(() => lockByUser());
    expect(queryClient.getState(['cases:get', { id: 1 }]).data).toBeUndefined();
    await act(async () => calls[0]?.('late'));
    expect(queryClient.getState(['x:list', { id: 2 }]).data).toBeUndefined();
  });
});
