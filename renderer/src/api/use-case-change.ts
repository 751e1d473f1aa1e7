import { useCallback } from 'react';
import type { CaseDetail, Channel, ChannelInput, ChannelOutput } from '../../../core/contract';
import { caseDetailKey } from './case-queries';
import { useMutation, useQueryClient } from './query';
import type { QueryKey } from './query';

/** The channels whose answer is the whole case after the change. */
export type CaseChangeChannel = { [C in Channel]: ChannelOutput<C> extends CaseDetail ? C : never }[Channel];

/**
 * A change whose answer is the whole case (edit, close, reopen, people): the answer replaces the
 * case's detail where it is shown, without asking again. `invalidates` names anything else the
 * change makes out of date.
 */
export function useCaseChange<C extends CaseChangeChannel>(
  channel: C,
  invalidates?: (detail: CaseDetail) => readonly QueryKey[],
): (input: ChannelInput<C>) => Promise<CaseDetail> {
  const client = useQueryClient();
  const mutate = useMutation(channel);
  return useCallback(
    async (input: ChannelInput<C>) => {
      const detail: CaseDetail = await mutate(input);
      client.setData(caseDetailKey(detail.id), detail);
      for (const key of invalidates?.(detail) ?? []) client.invalidate(key);
      return detail;
    },
    [client, mutate, invalidates],
  );
}
