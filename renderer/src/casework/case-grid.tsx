import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CaseListRow } from '../../../core/contract';
import { ApiErrorAlert } from '../components/messages';
import { formatDate } from '../i18n/format';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/translate';
import { RiskLevelBadge, ReviewOverdueBadge } from '../risk/risk-badges';
import { HonourBadge, ProtectionBadge, StatusBadge } from './badges';
import { ProtectedNotNamedList } from './protected-not-named';
import { rowAt, useCasePages } from './case-pages';
import type { CaseListParams } from './case-pages';
import { consumeListFocus, setActiveIndex, setFilters, useCaseworkStore } from './casework-store';
import type { CaseSort } from './casework-store';
import { Shown } from '../protect/masked';
import { formatDay, formatMoment } from '../lib/format';

/** Fixed heights (px) make the list's geometry arithmetic: row i starts at i × ROW_HEIGHT. */
export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 44;
/** Rows rendered above and below the visible ones, so fast scrolling rarely shows blanks. */
const OVERSCAN = 8;
/** Used until the list has been measured (and where nothing is laid out, as in tests). */
const FALLBACK_HEIGHT = 528;

interface Column {
  id: string;
  label: MessageKey;
  sort?: CaseSort;
}

const COLUMNS: readonly Column[] = [
  { id: 'number', label: 'cases.col_number', sort: 'case_number' },
  { id: 'name', label: 'cases.col_name', sort: 'name' },
  { id: 'flags', label: 'cases.col_flags' },
  { id: 'risk', label: 'risk.col_level', sort: 'risk_level' },
  { id: 'review', label: 'risk.col_next_review', sort: 'next_review' },
  { id: 'district', label: 'cases.col_district', sort: 'district' },
  { id: 'assigned', label: 'cases.col_assigned' },
  { id: 'due', label: 'cases.col_next_due', sort: 'next_due' },
  { id: 'updated', label: 'cases.col_updated', sort: 'updated' },
];

function range(first: number, last: number): number[] {
  const out: number[] = [];
  for (let i = first; i <= last; i += 1) out.push(i);
  return out;
}

function CaseRow({ row }: { row: CaseListRow }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (
    <>
      <div role="gridcell" className="mono cell-number">
        {row.caseNumber}
      </div>
      <div role="gridcell" className="cell-name">
        {row.survivorName}
      </div>
      <div role="gridcell" className="cell-flags">
        <ProtectionBadge level={row.protectionLevel} />
        <HonourBadge honourContext={row.honourContext} />
        {row.status === 'closed' ? <StatusBadge status="closed" /> : null}
      </div>
      <div role="gridcell" className="cell-risk">
        {row.riskLevel === null ? <span className="muted">{t('risk.level_none_short')}</span> : <RiskLevelBadge level={row.riskLevel} />}
      </div>
      <div role="gridcell" className="cell-review">
        {row.nextReviewDate === null ? '–' : formatDay(row.nextReviewDate, language)}
        {row.reviewOverdue ? <ReviewOverdueBadge short /> : null}
      </div>
      <div role="gridcell">
        <Shown value={row.districtName}>{(name) => name ?? '–'}</Shown>
      </div>
      <div role="gridcell">{row.assignedUserName ?? t('case.unassigned')}</div>
      <div role="gridcell">{row.nextDue === null ? '–' : t('cases.next_due', { date: formatDay(row.nextDue, language), count: row.openReminders })}</div>
      <div role="gridcell" title={formatMoment(row.updatedAt, language)}>
        {formatDate(row.updatedAt, language)}
      </div>
    </>
  );
}

/**
 * The case list as a virtualised grid: only the rows in view (and a few more) exist in the DOM,
 * pages of rows are fetched as they come into view, and the keyboard moves an active row that
 * Enter opens. Focus stays on the grid; aria-activedescendant names the active row.
 */
export function CaseGrid({ params, onOpen }: { params: CaseListParams; onOpen: (id: number) => void }) {
  const t = useT();
  const gridId = useId();
  const { cache, snapshot } = useCasePages(params);
  const key = JSON.stringify(params);
  const storedActive = useCaseworkStore((state) => state.activeIndex);
  const gridRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  // Coming back from a case, start with the active row in view. `reported`: the element told us
  // this position (it scrolled), rather than our choosing it.
  const [scroll, setScroll] = useState(() => ({ key, top: Math.max(0, (storedActive - 3) * ROW_HEIGHT), reported: false }));

  const total = snapshot.total ?? 0;
  const scrollTop = scroll.key === key ? scroll.top : 0;
  const chosenTop = scroll.key !== key || !scroll.reported;
  const bodyHeight = Math.max(height - HEADER_HEIGHT, ROW_HEIGHT);
  const active = total === 0 ? -1 : Math.min(storedActive, total - 1);
  // The rendered window: the rows in view and OVERSCAN more on each side, always as many (but at the end).
  const windowRows = Math.ceil(bodyHeight / ROW_HEIGHT) + 1 + 2 * OVERSCAN;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, first + windowRows - 1);
  const indices = range(first, last);
  if (active >= 0 && (active < first || active > last)) indices.push(active);
  // Rows keep their element as the window moves (a row scrolled out becomes one scrolled in): a
  // fast scroll replaces the whole window every frame, and making and dropping its elements cost
  // more than the rest of the frame. The window is never longer than windowRows, so no two share one.
  const slotOf = (index: number): string => (index >= first && index <= last ? String(index % windowRows) : 'active');

  useEffect(() => {
    cache.ensure(first, Math.max(first, last));
  }, [cache, first, last]);

  // Move the element to a position we chose (after keyboard moves, a new query, or a return), never
  // to one it reported: by the time this effect runs it has often scrolled on, and writing the
  // report back pulled a fast scroll back, again and again.
  useEffect(() => {
    const grid = gridRef.current;
    if (grid && chosenTop && Math.abs(grid.scrollTop - scrollTop) > 1) grid.scrollTop = scrollTop;
  }, [scrollTop, total, chosenTop]);

  useEffect(() => {
    const grid = gridRef.current;
    if (!grid || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (grid.clientHeight > 0) setHeight(grid.clientHeight);
    });
    observer.observe(grid);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (consumeListFocus()) gridRef.current?.focus();
  }, []);

  const scrollToRow = (index: number): void => {
    const top = index * ROW_HEIGHT;
    if (top < scrollTop) setScroll({ key, top, reported: false });
    else if (top + ROW_HEIGHT > scrollTop + bodyHeight) setScroll({ key, top: top + ROW_HEIGHT - bodyHeight, reported: false });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Keys pressed on a column header's sort button are the button's own.
    if (event.target !== event.currentTarget || total === 0) return;
    const pageRows = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1);
    const from = Math.max(active, 0);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = from + 1;
        break;
      case 'ArrowUp':
        next = from - 1;
        break;
      case 'PageDown':
        next = from + pageRows;
        break;
      case 'PageUp':
        next = from - pageRows;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = total - 1;
        break;
      case 'Enter': {
        event.preventDefault();
        const row = rowAt(snapshot, from);
        if (row) onOpen(row.id);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    next = Math.min(Math.max(next, 0), total - 1);
    setActiveIndex(next);
    scrollToRow(next);
  };

  const sortBy = (sort: CaseSort): void => {
    // Newest changes and highest risk first; everything else from the top of its order.
    const direction = params.sort === sort ? (params.direction === 'asc' ? 'desc' : 'asc') : sort === 'updated' || sort === 'risk_level' ? 'desc' : 'asc';
    setFilters({ sort, direction });
  };

  const rowId = (index: number): string => `${gridId}-row-${index}`;
  const loading = snapshot.total === null && snapshot.error === null;

  return (
    <>
      <ApiErrorAlert error={snapshot.error} />
      {snapshot.error ? (
        <div className="actions">
          <button type="button" className="button-secondary" onClick={() => cache.retry(first, Math.max(first, last))}>
            {t('app.retry')}
          </button>
        </div>
      ) : null}
      <p role="status" className="muted case-count">
        {loading
          ? t('cases.loading')
          : total === 0
            ? t(params.query !== '' ? 'cases.no_match' : 'cases.empty')
            : snapshot.capped
              ? t('cases.count_capped', { count: total })
              : t('cases.count', { count: total })}
      </p>
      <div
        ref={gridRef}
        role="grid"
        className="case-grid"
        aria-label={t('cases.grid_label')}
        aria-rowcount={total + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={loading}
        aria-activedescendant={active >= 0 ? rowId(active) : undefined}
        aria-keyshortcuts="ArrowUp ArrowDown PageUp PageDown Home End Enter"
        aria-describedby={`${gridId}-help`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(event) => setScroll({ key, top: event.currentTarget.scrollTop, reported: true })}
      >
        <div role="rowgroup" className="case-grid-head" style={{ height: HEADER_HEIGHT }}>
          <div role="row" aria-rowindex={1} className="case-grid-row">
            {COLUMNS.map((column) => {
              const sorted = column.sort !== undefined && column.sort === params.sort;
              const ariaSort = sorted ? (params.direction === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined;
              return (
                <div key={column.id} role="columnheader" aria-sort={ariaSort}>
                  {column.sort ? (
                    <button type="button" className="sort-button" onClick={() => column.sort && sortBy(column.sort)}>
                      {t(column.label)}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted ? (params.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  ) : (
                    t(column.label)
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="case-grid-body" style={{ height: total * ROW_HEIGHT }}>
          {indices.map((index) => {
            const row = rowAt(snapshot, index);
            const style = { top: index * ROW_HEIGHT, height: ROW_HEIGHT };
            if (!row) {
              return (
                <div
                  key={slotOf(index)}
                  id={rowId(index)}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-busy="true"
                  className="case-grid-row case-grid-pending"
                  style={style}
                >
                  <div role="gridcell" aria-colspan={COLUMNS.length}>
                    {t('cases.row_loading')}
                  </div>
                </div>
              );
            }
            return (
              <div
                key={slotOf(index)}
                id={rowId(index)}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={index === active}
                className={`case-grid-row${index === active ? ' is-active' : ''}${row.protectionLevel === 'none' ? '' : ' is-protected'}`}
                style={style}
                onClick={() => {
                  setActiveIndex(index);
                  onOpen(row.id);
                }}
              >
                <CaseRow row={row} />
              </div>
            );
          })}
        </div>
      </div>
      <p id={`${gridId}-help`} className="field-hint">
        {t('cases.keyboard_help')}
      </p>
      <ProtectedNotNamedList items={snapshot.protectedNotNamed} total={snapshot.protectedNotNamedTotal} />
    </>
  );
}
