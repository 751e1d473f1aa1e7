import { useId, useState } from 'react';
import type { AssessmentSummary, LocalizedText, RiskLevel } from '../../../core/contract';
import { formatDay } from '../lib/format';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { LEVELS, instrumentTitle, localize } from './format';
import { RiskLevelBadge } from './risk-badges';

const WIDTH = 640;
const HEIGHT = 230;
const MARGIN = { left: 92, right: 56, top: 18, bottom: 46 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Space inside the plot so the first and last points are not on its edge. */
const INSET = 18;
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
const DASHES = ['', '6 4', '2 3', '10 3 2 3'] as const;

interface Series {
  outputId: string;
  label: LocalizedText;
}

function seriesOf(assessments: readonly AssessmentSummary[]): Series[] {
  const found = new Map<string, LocalizedText>();
  for (const a of assessments) for (const l of a.levels) if (l.level !== null && !found.has(l.outputId)) found.set(l.outputId, l.label);
  return [...found].map(([outputId, label]) => ({ outputId, label }));
}

const levelOf = (a: AssessmentSummary, outputId: string): RiskLevel | null => a.levels.find((l) => l.outputId === outputId)?.level ?? null;

/** Room (in chart units) one date label needs on the axis. */
const LABEL_WIDTH = 80;

/**
 * Which dates get a label on the axis: from the left, each that does not crowd the one before;
 * the last always, in place of a crowding one before it. Every point is still in the table.
 */
export function axisLabels(xs: readonly number[]): boolean[] {
  const shown = xs.map(() => false);
  let lastShown = -1;
  xs.forEach((x, i) => {
    if (lastShown < 0 || x - (xs[lastShown] ?? 0) >= LABEL_WIDTH) {
      shown[i] = true;
      lastShown = i;
    }
  });
  const last = xs.length - 1;
  if (last > 0 && !shown[last]) {
    if (lastShown > 0) shown[lastShown] = false;
    shown[last] = (xs[last] ?? 0) - (xs[0] ?? 0) >= LABEL_WIDTH || lastShown !== 0;
  }
  return shown;
}

function yOf(level: RiskLevel): number {
  return MARGIN.top + INSET + (PLOT_H - 2 * INSET) * (1 - LEVELS.indexOf(level) / (LEVELS.length - 1));
}

function Marker({ kind, x, y }: { kind: (typeof MARKERS)[number]; x: number; y: number }) {
  switch (kind) {
    case 'circle':
      return <circle cx={x} cy={y} r={5} />;
    case 'square':
      return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} />;
    case 'triangle':
      return <polygon points={`${x},${y - 6} ${x + 6},${y + 4.5} ${x - 6},${y + 4.5}`} />;
    case 'diamond':
      return <polygon points={`${x},${y - 6} ${x + 6},${y} ${x},${y + 6} ${x - 6},${y}`} />;
  }
}

/**
 * The judged levels of one person's completed assessments over time: an inline SVG with a step
 * line per level output (each with its own marker and dash, not colour alone), and the same data
 * as a table that screen readers always reach and anyone can show.
 */
export function RiskChart({ assessments, personLabel }: { assessments: readonly AssessmentSummary[]; personLabel: string }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const id = useId();
  const [tableShown, setTableShown] = useState(false);
  const points = assessments
    .filter((a) => a.status === 'completed' && a.completedAt !== null)
    .sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? '') || a.id - b.id);
  if (points.length === 0) return <p className="muted">{t('risk.history_none')}</p>;
  const series = seriesOf(points);
  const times = points.map((p) => new Date(p.completedAt ?? p.startedAt).getTime());
  const min = Math.min(...times);
  const max = Math.max(...times);
  const xOf = (i: number): number => {
    const time = times[i] ?? min;
    if (max === min) return MARGIN.left + PLOT_W / 2;
    return MARGIN.left + INSET + ((PLOT_W - 2 * INSET) * (time - min)) / (max - min);
  };
  const day = (a: AssessmentSummary): string => formatDay((a.completedAt ?? a.startedAt).slice(0, 10), language);
  const labelled = axisLabels(points.map((_, i) => xOf(i)));
  const latest = points[points.length - 1];
  const description = t('risk.chart_desc', {
    count: points.length,
    first: day(points[0] as AssessmentSummary),
    last: day(latest as AssessmentSummary),
    latest: series
      .map((s) => {
        const level = latest ? levelOf(latest, s.outputId) : null;
        return `${localize(s.label, language)}: ${level ? t(`risk.level_${level}`) : t('risk.level_none')}`;
      })
      .join(', '),
  });

  return (
    <figure className="risk-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{t('risk.chart_caption', { person: personLabel })}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="risk-chart-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{t('risk.chart_caption', { person: personLabel })}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {LEVELS.map((level) => (
          <g key={level} className="risk-chart-grid">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yOf(level)} y2={yOf(level)} />
            <text x={MARGIN.left - 10} y={yOf(level)} textAnchor="end" dominantBaseline="middle">
              {t(`risk.level_${level}`)}
            </text>
          </g>
        ))}
        <line className="risk-chart-axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} />
        {points.map((p, i) =>
          labelled[i] ? (
            <text key={p.id} className="risk-chart-date" x={xOf(i)} y={HEIGHT - MARGIN.bottom + 20} textAnchor="middle">
              {(p.completedAt ?? p.startedAt).slice(0, 10)}
            </text>
          ) : null,
        )}
        {series.map((s, si) => {
          const offset = (si - (series.length - 1) / 2) * 5;
          const mine = points
            .map((p, i) => ({ p, i, level: levelOf(p, s.outputId) }))
            .filter((x): x is { p: AssessmentSummary; i: number; level: RiskLevel } => x.level !== null);
          const path = mine.map((x, k) => (k === 0 ? `M ${xOf(x.i)} ${yOf(x.level) + offset}` : `H ${xOf(x.i)} V ${yOf(x.level) + offset}`)).join(' ');
          const marker = MARKERS[si % MARKERS.length] ?? 'circle';
          return (
            <g key={s.outputId} className={`risk-series risk-series-${si % 4}`} data-series={s.outputId}>
              {mine.length > 1 ? <path d={path} fill="none" strokeDasharray={DASHES[si % DASHES.length] || undefined} /> : null}
              {mine.map((x) => (
                <g key={x.p.id} className="risk-chart-point" data-assessment-id={x.p.id} data-level={x.level}>
                  <Marker kind={marker} x={xOf(x.i)} y={yOf(x.level) + offset} />
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="risk-chart-legend" aria-label={t('risk.chart_legend')}>
        {series.map((s, si) => (
          <li key={s.outputId} className={`risk-series risk-series-${si % 4}`}>
            <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
              <line x1={1} x2={33} y1={7} y2={7} strokeDasharray={DASHES[si % DASHES.length] || undefined} />
              <Marker kind={MARKERS[si % MARKERS.length] ?? 'circle'} x={17} y={7} />
            </svg>
            {localize(s.label, language)}
          </li>
        ))}
      </ul>
      <button type="button" className="button-link" aria-expanded={tableShown} aria-controls={`${id}-table`} onClick={() => setTableShown((v) => !v)}>
        {t(tableShown ? 'risk.chart_hide_table' : 'risk.chart_show_table')}
      </button>
      <div id={`${id}-table`} className={tableShown ? 'table-scroll' : 'visually-hidden'}>
        <table>
          <caption>{t('risk.chart_table_caption', { person: personLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.col_completed')}</th>
              <th scope="col">{t('risk.col_instrument')}</th>
              {series.map((s) => (
                <th key={s.outputId} scope="col">
                  {localize(s.label, language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p) => (
              <tr key={p.id}>
                <th scope="row">{day(p)}</th>
                <td>{instrumentTitle(t, language, p.templateTitle, p.templateVersion)}</td>
                {series.map((s) => {
                  const present = p.levels.some((l) => l.outputId === s.outputId);
                  return <td key={s.outputId}>{present ? <RiskLevelBadge level={levelOf(p, s.outputId)} /> : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
