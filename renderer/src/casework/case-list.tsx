import { useEffect, useId, useState } from 'react';
import { RISK_LEVELS } from '../../../core/contract';
import { CheckboxField } from '../components/checkbox-field';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';
import { CaseGrid } from './case-grid';
import type { CaseListParams } from './case-pages';
import { useCasework } from './casework-context';
import { DEFAULT_FILTERS, setFilters, useCaseworkStore } from './casework-store';
import type { CaseListFilters } from './casework-store';

/** Typing pauses this long (ms) before the list asks again. */
export const SEARCH_DELAY_MS = 150;
const QUERY_MAX = 100;

function normalisedQuery(text: string): string {
  return text.trim().slice(0, QUERY_MAX);
}

/** The searchable, filterable, sortable list of cases. */
export function CaseList({ onOpen, onNew }: { onOpen: (id: number) => void; onNew: () => void }) {
  const t = useT();
  const filtersId = useId();
  const { user, districts, casePrefix } = useCasework();
  const filters = useCaseworkStore((state) => state.filters);
  const [queryText, setQueryText] = useState(filters.query);

  useEffect(() => {
    const query = normalisedQuery(queryText);
    if (query === filters.query) return;
    const timer = setTimeout(() => setFilters({ query }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [queryText, filters.query]);

  const params: CaseListParams = {
    query: filters.query,
    status: filters.status,
    assignedUserId: filters.mineOnly ? user.id : null,
    districtSlug: filters.districtSlug,
    protectedOnly: filters.protectedOnly,
    honourOnly: filters.honourOnly,
    openRemindersOnly: filters.openRemindersOnly,
    riskLevel: filters.riskLevel,
    overdueReviewOnly: filters.overdueReviewOnly,
    sort: filters.sort,
    direction: filters.direction,
  };

  const filtered =
    filters.status !== DEFAULT_FILTERS.status ||
    filters.mineOnly ||
    filters.districtSlug !== null ||
    filters.protectedOnly ||
    filters.honourOnly ||
    filters.openRemindersOnly ||
    filters.riskLevel !== null ||
    filters.overdueReviewOnly ||
    filters.query !== '';

  const clear = (): void => {
    setQueryText('');
    setFilters({ ...DEFAULT_FILTERS, sort: filters.sort, direction: filters.direction });
  };

  const set =
    <K extends keyof CaseListFilters>(field: K) =>
    (value: CaseListFilters[K]) =>
      setFilters({ [field]: value });

  return (
    <section className="view view-wide">
      <div className="view-title-row">
        <ViewHeading>{t('cases.title')}</ViewHeading>
        <button type="button" onClick={onNew}>
          {t('cases.new')}
        </button>
      </div>
      <div role="search" className="case-filters" aria-labelledby={filtersId}>
        <h2 id={filtersId} className="visually-hidden">
          {t('cases.filters_title')}
        </h2>
        <TextField
          name="query"
          type="search"
          label={t('cases.search')}
          hint={t('cases.search_hint', { prefix: casePrefix ?? 'RVT' })}
          value={queryText}
          onChange={setQueryText}
          autoComplete="off"
          spellCheck={false}
          className="case-search"
        />
        <div className="field-row">
          <SelectField
            name="status"
            label={t('cases.filter_status')}
            value={filters.status}
            options={[
              { value: 'open', label: t('cases.status_open') },
              { value: 'closed', label: t('cases.status_closed') },
              { value: 'all', label: t('cases.status_all') },
            ]}
            onChange={set('status')}
          />
          <SelectField
            name="assigned"
            label={t('cases.filter_assigned')}
            value={filters.mineOnly ? 'me' : 'anyone'}
            options={[
              { value: 'anyone', label: t('cases.assigned_anyone') },
              { value: 'me', label: t('cases.assigned_me') },
            ]}
            onChange={(value) => setFilters({ mineOnly: value === 'me' })}
          />
          <SelectField
            name="district"
            label={t('cases.filter_district')}
            value={filters.districtSlug ?? ''}
            options={[{ value: '', label: t('cases.district_any') }, ...districts.map((d) => ({ value: d.slug, label: d.name }))]}
            onChange={(slug) => setFilters({ districtSlug: slug === '' ? null : slug })}
          />
          <SelectField
            name="riskLevel"
            className="risk-filter-level"
            label={t('risk.filter_level')}
            value={filters.riskLevel ?? ''}
            options={[
              { value: '', label: t('risk.filter_level_any') },
              ...[...RISK_LEVELS].reverse().map((level) => ({ value: level, label: t(`risk.level_${level}`) })),
            ]}
            onChange={(value) => setFilters({ riskLevel: RISK_LEVELS.find((level) => level === value) ?? null })}
          />
        </div>
        <div className="filter-checks">
          <CheckboxField name="protectedOnly" label={t('cases.filter_protected')} checked={filters.protectedOnly} onChange={set('protectedOnly')} />
          <CheckboxField name="honourOnly" label={t('cases.filter_honour')} checked={filters.honourOnly} onChange={set('honourOnly')} />
          <CheckboxField name="openRemindersOnly" label={t('cases.filter_reminders')} checked={filters.openRemindersOnly} onChange={set('openRemindersOnly')} />
          <CheckboxField
            name="overdueReviewOnly"
            label={t('risk.filter_overdue_review')}
            checked={filters.overdueReviewOnly}
            onChange={set('overdueReviewOnly')}
          />
          {filtered ? (
            <button type="button" className="button-link" onClick={clear}>
              {t('cases.clear_filters')}
            </button>
          ) : null}
        </div>
      </div>
      <CaseGrid params={params} onOpen={onOpen} />
    </section>
  );
}
