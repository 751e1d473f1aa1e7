import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail, HousingStep, Move, SupportItem } from '../../core/contract';
import { openCase } from '../../renderer/src/casework/casework-store';
import { caseDetail, caseRow, caseworkBridge } from './casework-fixtures';
import { CASEWORKER } from './fixtures';
import { button, renderApp } from './render-app';

const M = { masked: true } as const;
const CANARIES = ['KANARIE-KONTAKT', 'KANARIE-SKOLA', 'KANARIE-PLACERING', 'KANARIE-MOTTAGARE', 'KANARIE-BOENDE', 'KANARIE-BYRA', 'Kiruna', 'Skärholmen'];
const REASON = 'Ska boka flyttbil till nya adressen';

function revealedCase(until: string): CaseDetail {
  return caseDetail({
    protectionLevel: 'skyddad_folkbokforing',
    survivor: { ...caseDetail().survivor, safeContact: 'KANARIE-KONTAKT via boendet' },
    districtSlug: 'skarholmen',
    districtName: 'Skärholmen',
    children: [{ id: 21, caseId: 3, name: 'Alva Testsson', birthYear: 2016, school: 'KANARIE-SKOLA', needs: 'Läxhjälp', placement: 'KANARIE-PLACERING' }],
    reveal: { protected: true, masked: false, revealedUntil: until },
  });
}

function maskedCase(): CaseDetail {
  const c = revealedCase('2026-01-01T00:00:00.000Z');
  return {
    ...c,
    survivor: { ...c.survivor, safeContact: M },
    districtSlug: M,
    districtName: M,
    children: c.children.map((ch) => ({ ...ch, school: M, placement: M })),
    reveal: { protected: true, masked: true, revealedUntil: null },
  };
}

const realMove: Move = {
  id: 61,
  caseId: 3,
  from: null,
  to: { kind: 'municipality', code: '2584', name: 'Kiruna' },
  route: 'own_application',
  status: 'planned',
  receivingContact: 'KANARIE-MOTTAGARE',
  notes: '',
  check: {
    destination: { kind: 'municipality', code: '2584', name: 'Kiruna' },
    minimumKm: 100,
    checkedAt: '2026-03-01T10:00:00.000Z',
    checks: [],
    warning: false,
    nearestKm: null,
  },
  overrideReason: null,
  transitions: [{ status: 'planned', date: '2026-03-05', recordedBy: 'Cecilia Exempelsson', recordedAt: '2026-03-01T10:00:00.000Z' }],
};
const realStep: HousingStep = {
  id: 71,
  caseId: 3,
  childId: null,
  childName: null,
  kind: 'protected_shelter',
  startDate: '2026-02-01',
  endDate: null,
  provider: '',
  shelterId: 5,
  shelterName: 'KANARIE-BOENDE',
  place: { kind: 'municipality', code: '2584', name: 'Kiruna' },
  costPerDay: 1000,
  outcome: 'ongoing',
  obstacles: [],
  obstacleNote: '',
  parallel: false,
  permitOverrideReason: null,
};
const realItem: SupportItem = { id: 81, caseId: 3, kind: 'legal', agency: 'KANARIE-BYRA', status: 'needed', startDate: null, endDate: null, notes: '' };
const maskedMove: Move = { ...realMove, from: M, to: M, receivingContact: M, check: M };
const maskedStep: HousingStep = { ...realStep, provider: M, shelterId: M, shelterName: M, place: M };
const maskedItem: SupportItem = { ...realItem, agency: M };

/** A bridge that answers like the worker: masked until cases:reveal, real after. */
function protectedBridge(until: string) {
  let revealed = false;
  const bridge = caseworkBridge(CASEWORKER).ok('cases:list', { total: 1, rows: [caseRow(2)] });
  bridge.on('cases:get', () => ({ ok: true, result: revealed ? revealedCase(until) : maskedCase() }));
  bridge.on('moves:list', () => ({ ok: true, result: [revealed ? realMove : maskedMove] }));
  bridge.on('housing:list', () => ({ ok: true, result: [revealed ? realStep : maskedStep] }));
  bridge.on('support:list', () => ({ ok: true, result: [revealed ? realItem : maskedItem] }));
  bridge.on('cases:reveal', () => {
    revealed = true;
    return { ok: true, result: { protected: true, masked: false, revealedUntil: until } };
  });
  return { bridge, hide: () => (revealed = false) };
}

async function openProtectedCase(until = new Date(Date.now() + 5 * 60_000).toISOString(), fakeTimers = false) {
  const fake = protectedBridge(until);
  const app = renderApp({ fakeTimers });
  await screen.findByRole('heading', { name: /Välkommen/ });
  openCase(3);
  await app.user.click(button('Ärenden'));
  await screen.findByRole('heading', { level: 1, name: /RVT-2026-00003/ });
  return { ...fake, ...app };
}

/**
 * Every place a canary is in what prints and copies (text, and the values of fields), with whether
 * it sits in a protected wrapper. Attributes such as aria-label neither print nor copy.
 */
function canaryPlaces(): { canary: string; wrapped: boolean; where: string }[] {
  const found: { canary: string; wrapped: boolean; where: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node instanceof Element ? node : node.parentElement;
    const text = node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement ? node.value : node instanceof Element ? '' : (node.textContent ?? '');
    for (const canary of CANARIES) {
      if (text.includes(canary))
        found.push({ canary, wrapped: element?.closest('.protected-value, .protected-field') !== null, where: element?.outerHTML.slice(0, 120) ?? '' });
    }
  }
  return found;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a case with protected personal data', () => {
  it('shows every protected field as "Skyddad uppgift", with no protected value anywhere in the page', async () => {
    await openProtectedCase();
    await waitFor(() => expect(document.querySelectorAll('.masked-value').length).toBeGreaterThanOrEqual(8));
    for (const canary of CANARIES) expect(document.body.innerHTML).not.toContain(canary);
    expect(screen.getByText(/Adress, ny kommun eller stadsdel, boende och kontaktuppgifter är dolda/)).toBeTruthy();
  });

  it('reveals with a written reason, shows the values only where print and copy leave them out, and keeps them off the clipboard', async () => {
    const { bridge, user } = await openProtectedCase();
    await user.click(button('Visa skyddade uppgifter'));
    await user.type(screen.getByLabelText('Motivering'), 'kort');
    await user.click(button('Visa'));
    expect(await screen.findByText('Skriv en motivering på 10–500 tecken.')).toBeTruthy();
    expect(bridge.callsTo('cases:reveal')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Motivering'));
    await user.type(screen.getByLabelText('Motivering'), REASON);
    await user.click(button('Visa'));
    expect(await screen.findByText(/Skyddade uppgifter visas till/)).toBeTruthy();
    expect(bridge.callsTo('cases:reveal')).toEqual([{ caseId: 3, reason: REASON }]);
    await screen.findAllByText('KANARIE-BOENDE');
    await screen.findByText('KANARIE-BYRA');
    await screen.findByText('KANARIE-MOTTAGARE');

    const places = canaryPlaces();
    expect(new Set(places.map((p) => p.canary))).toEqual(new Set(CANARIES));
    expect(places.filter((p) => !p.wrapped)).toEqual([]);

    // Copying a stretch of the page that includes the safe contact: the contact is replaced.
    const contact = screen.getByText('KANARIE-KONTAKT via boendet');
    const section = contact.closest('.case-sections');
    if (!section) throw new Error('no section');
    const selection = document.getSelection();
    selection?.removeAllRanges();
    const range = document.createRange();
    range.selectNodeContents(section);
    selection?.addRange(range);
    let copied = '';
    const event = new Event('copy', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: { setData: (_type: string, text: string) => (copied = text) } });
    section.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(copied).toContain('Skyddad uppgift');
    expect(copied).toContain('Läxhjälp');
    for (const canary of CANARIES) expect(copied).not.toContain(canary);
  });

  it('masks again when the reveal runs out, loading the case once more', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { hide, bridge, user } = await openProtectedCase(new Date(Date.now() + 2 * 60_000).toISOString(), true);
    await user.click(button('Visa skyddade uppgifter'));
    await user.type(screen.getByLabelText('Motivering'), REASON);
    await user.click(button('Visa'));
    expect(await screen.findByText(/2 min kvar|1 min kvar/)).toBeTruthy();
    await screen.findByText('KANARIE-KONTAKT via boendet');
    const gets = bridge.callsTo('cases:get').length;
    hide();
    await act(() => vi.advanceTimersByTimeAsync(2 * 60_000 + 1_000));
    expect(await screen.findByText('Tiden har gått ut: de skyddade uppgifterna är dolda igen.')).toBeTruthy();
    expect(bridge.callsTo('cases:get').length).toBeGreaterThan(gets);
    for (const canary of CANARIES) expect(document.body.innerHTML).not.toContain(canary);
  });

  it('saves changes to a masked case without sending its protected fields', async () => {
    const { bridge, user } = await openProtectedCase();
    bridge.on('cases:update', (input) => ({
      ok: true,
      result: { ...maskedCase(), survivor: { ...maskedCase().survivor, language: input.survivor.language } },
    }));
    await user.click(button('Ändra uppgifter'));
    const form = document.querySelector('.case-edit-form');
    if (!(form instanceof HTMLElement)) throw new Error('no edit form');
    expect(within(form).getAllByText(/Skyddad uppgift\. Visa uppgifterna för att ändra den/)).toHaveLength(2);
    expect(within(form).queryByLabelText('Säker kontaktväg')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(bridge.callsTo('cases:update')).toHaveLength(1));
    const sent = bridge.callsTo('cases:update')[0] as { survivor: Record<string, unknown> } & Record<string, unknown>;
    expect(sent.survivor).not.toHaveProperty('safeContact');
    expect(sent).not.toHaveProperty('districtSlug');
    expect(sent.survivor.name).toBe('Testperson 3');
  });
});
