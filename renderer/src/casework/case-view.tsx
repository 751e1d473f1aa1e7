import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { CaseLogExtract } from '../audit/case-log-extract';
import { ApiErrorAlert } from '../components/messages';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/translate';
import { HousingSection } from '../placement/housing-section';
import { MovesSection } from '../placement/moves-section';
import { SupportSection } from '../placement/support-section';
import { ProtectedCaseContext, Shown } from '../protect/masked';
import { RevealPanel } from '../protect/reveal-panel';
import { CaseRiskHeader } from '../risk/case-risk-header';
import { RiskSection } from '../risk/risk-section';
import { HonourBadge, ProtectionBadge, StatusBadge } from './badges';
import { CaseRemindersSection } from './case-reminders-section';
import { goToElement } from '../components/case-section';
import { JournalSection } from './journal-section';
import { OverviewSection } from './overview-section';
import { PeopleSection } from './people-section';
import { CaseLoadError, SharingSection } from './sharing-section';
import { useCaseDetail } from './use-case-detail';

/** The placement sections render their own headings inside these slots. */
type Slot = 'moves' | 'housing' | 'support';

interface SectionLink {
  key: string;
  label: MessageKey;
  slot?: Slot;
}

const LINKS: readonly SectionLink[] = [
  { key: 'overview', label: 'case.overview_title' },
  { key: 'risk', label: 'risk.title' },
  { key: 'people', label: 'people.title' },
  { key: 'moves', label: 'case.nav_moves', slot: 'moves' },
  { key: 'housing', label: 'case.nav_housing', slot: 'housing' },
  { key: 'support', label: 'case.nav_support', slot: 'support' },
  { key: 'journal', label: 'journal.title' },
  { key: 'reminders', label: 'reminders.case_title' },
  { key: 'sharing', label: 'sharing.title' },
];

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** One case: header, in-page links to its sections, and the sections. Escape (outside a field) goes back. */
export function CaseView({ caseId, onBack, backLabel }: { caseId: number; onBack: () => void; backLabel: string }) {
  const t = useT();
  const prefix = useId();
  const { data: detail, error, reload } = useCaseDetail(caseId);
  const headRef = useRef<HTMLDivElement>(null);
  const sectionsRef = useRef<HTMLDivElement>(null);
  const loaded = detail !== null;
  const [showExtract, setShowExtract] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented || isEditable(event.target)) return;
      event.preventDefault();
      onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);

  // When the case has arrived, tell screen readers where they are.
  useEffect(() => {
    if (loaded) headRef.current?.querySelector('h1')?.focus();
  }, [loaded, caseId]);

  const sectionId = (key: string): string => `${prefix}-${key}`;
  const goTo = (link: SectionLink): void => {
    if (link.slot) {
      // The section's own heading, made focusable by script, so screen readers announce where the user is.
      const slot = sectionsRef.current?.querySelector(`[data-slot="${link.slot}"]`);
      const heading = slot?.querySelector('h2, h3');
      if (heading instanceof HTMLElement && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      goToElement(heading ?? slot ?? null);
    } else {
      goToElement(document.getElementById(sectionId(link.key)));
    }
  };

  const back = (
    <button type="button" className="button-link back-link" onClick={onBack} aria-keyshortcuts="Escape">
      {backLabel}
    </button>
  );

  if (!detail) {
    return (
      <section className="view">
        {back}
        <ViewHeading>{t('case.loading_title')}</ViewHeading>
        <CaseLoadError error={error} />
        {error ? (
          <div className="actions">
            <button type="button" className="button-secondary" onClick={reload}>
              {t('app.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('case.loading')}</p>
        )}
      </section>
    );
  }

  if (showExtract) return <CaseLogExtract caseId={caseId} onClose={() => setShowExtract(false)} />;

  const sectionProps = { caseDetail: detail };

  // Revealing or re-masking changes what every section may show: they load again from scratch,
  // and forms open on revealed values close rather than keep them.
  const revealKey = `${String(detail.reveal.masked)}-${detail.reveal.revealedUntil ?? ''}`;

  return (
    <ProtectedCaseContext value={detail.reveal.protected}>
      <section className="view case-view">
        {back}
        <header className="case-header" ref={headRef}>
          <ViewHeading>{t('case.heading', { number: detail.caseNumber, name: detail.survivor.name })}</ViewHeading>
          <p className="case-badges">
            <StatusBadge status={detail.status} />
            <ProtectionBadge level={detail.protectionLevel} />
            <HonourBadge honourContext={detail.honourContext} />
          </p>
          <CaseRiskHeader latestRisk={detail.latestRisk} />
          <dl className="facts facts-inline">
            <dt>{t('case.district')}</dt>
            <dd>
              <Shown value={detail.districtName}>{(name) => name ?? t('case.no_district')}</Shown>
            </dd>
            <dt>{t('case.assigned')}</dt>
            <dd>{detail.assignedUser?.displayName ?? t('case.unassigned')}</dd>
            <dt>{t('people.children_short')}</dt>
            <dd>{detail.children.length}</dd>
          </dl>
          <p className="case-extract-link">
            <button type="button" className="button-secondary" onClick={() => setShowExtract(true)}>
              {t('extract.open')}
            </button>
          </p>
          {detail.protectionLevel !== 'none' ? (
            <p className="alert alert-warning protected-warning">{t('case.protected_warning', { level: t(`protection.${detail.protectionLevel}`) })}</p>
          ) : null}
          <RevealPanel caseId={detail.id} reveal={detail.reveal} />
        </header>
        <ApiErrorAlert error={error} />
        <nav className="case-nav" aria-label={t('case.sections_nav')}>
          <ul>
            {LINKS.map((link) => (
              <li key={link.key}>
                <button type="button" className="button-link" onClick={() => goTo(link)}>
                  {t(link.label)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div ref={sectionsRef} className="case-sections">
          <Fragment key={revealKey}>
            <OverviewSection id={sectionId('overview')} detail={detail} />
            <RiskSection id={sectionId('risk')} caseDetail={detail} />
            <PeopleSection id={sectionId('people')} detail={detail} />
            <div data-slot="moves" className="case-slot" tabIndex={-1}>
              <MovesSection {...sectionProps} />
            </div>
            <div data-slot="housing" className="case-slot" tabIndex={-1}>
              <HousingSection {...sectionProps} />
            </div>
            <div data-slot="support" className="case-slot" tabIndex={-1}>
              <SupportSection {...sectionProps} />
            </div>
            <JournalSection id={sectionId('journal')} detail={detail} />
            <CaseRemindersSection id={sectionId('reminders')} detail={detail} />
          </Fragment>
          <SharingSection id={sectionId('sharing')} detail={detail} />
        </div>
      </section>
    </ProtectedCaseContext>
  );
}
