import { useId } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/** One value of a chart: a number, or null when the report hides it ("<threshold"). */
export type ChartValue = number | null;

function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '');
}

/** The diagonal hatch that marks a hidden (suppressed) figure. */
function Hatch({ id }: { id: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" className="chart-hatch-bg" />
      <line x1="0" y1="0" x2="0" y2="6" className="chart-hatch-line" strokeWidth="2" />
    </pattern>
  );
}

function ChartFigure({
  title,
  description,
  alternative,
  children,
}: {
  title: string;
  description?: string;
  alternative: string[];
  children: (ids: { title: string; desc: string; hatch: string }) => ReactNode;
}) {
  const t = useT();
  const base = safeId(useId());
  const ids = { title: `${base}-title`, desc: `${base}-desc`, hatch: `${base}-hatch` };
  return (
    <figure className="report-chart">
      <figcaption id={ids.title}>{title}</figcaption>
      {description ? (
        <p id={ids.desc} className="field-hint">
          {description}
        </p>
      ) : null}
      {children(ids)}
      <details className="report-chart-alt">
        <summary>{t('reports.chart_alternative')}</summary>
        <ul>
          {alternative.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </details>
    </figure>
  );
}

export interface BarCategory {
  label: string;
  values: readonly ChartValue[];
}

/**
 * Horizontal grouped bars: one group per category, one bar per series. A hidden figure is drawn as
 * a short hatched bar labelled "<threshold".
 */
export function BarChart({
  title,
  description,
  series,
  categories,
  threshold,
  formatNumber,
}: {
  title: string;
  description?: string;
  series: readonly string[];
  categories: readonly BarCategory[];
  threshold: number;
  formatNumber: (value: number) => string;
}) {
  const t = useT();
  const labelWidth = 190;
  const barArea = 300;
  const valueWidth = 60;
  const barHeight = 14;
  const groupGap = 10;
  const max = Math.max(threshold, ...categories.flatMap((c) => c.values.map((v) => v ?? 0)));
  const scale = (value: number) => (max === 0 ? 0 : (value / max) * barArea);
  const groupHeight = series.length * barHeight + groupGap;
  const legendHeight = series.length > 1 ? 22 : 0;
  const height = legendHeight + categories.length * groupHeight + 4;
  const width = labelWidth + barArea + valueWidth;
  const text = (value: ChartValue) => (value === null ? `<${threshold}` : formatNumber(value));
  const alternative = categories.map((c) =>
    series.length === 1
      ? t('reports.chart_value', { label: c.label, value: text(c.values[0] ?? null) })
      : `${c.label}: ${series.map((s, i) => `${s} ${text(c.values[i] ?? null)}`).join(', ')}`,
  );
  return (
    <ChartFigure title={title} description={description} alternative={alternative}>
      {(ids) => (
        <svg
          className="chart-svg"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby={ids.title}
          aria-describedby={description ? ids.desc : undefined}
        >
          <defs>
            <Hatch id={ids.hatch} />
          </defs>
          {series.length > 1
            ? series.map((name, s) => (
                <g key={name} transform={`translate(${labelWidth + s * 150}, 4)`}>
                  <rect width="12" height="12" className={`chart-series-${s}`} />
                  <text x="18" y="10" className="chart-text">
                    {name}
                  </text>
                </g>
              ))
            : null}
          {categories.map((category, c) => {
            const y0 = legendHeight + c * groupHeight;
            return (
              <g key={`${category.label}-${c}`}>
                <text x={labelWidth - 8} y={y0 + (series.length * barHeight) / 2 + 4} textAnchor="end" className="chart-text">
                  {category.label}
                </text>
                {series.map((name, s) => {
                  const value = category.values[s] ?? null;
                  const y = y0 + s * barHeight;
                  const w = value === null ? Math.max(scale(threshold - 1), 6) : scale(value);
                  return (
                    <g key={name}>
                      <rect
                        x={labelWidth}
                        y={y + 1}
                        width={w}
                        height={barHeight - 2}
                        className={value === null ? 'chart-suppressed' : `chart-series-${s}`}
                        fill={value === null ? `url(#${ids.hatch})` : undefined}
                      />
                      <text x={labelWidth + w + 4} y={y + barHeight - 3} className="chart-text">
                        {text(value)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      )}
    </ChartFigure>
  );
}

export interface FlowTarget {
  label: string;
  value: ChartValue;
}

/**
 * A flow diagram: the source step as one column, the next steps as another, and a band from the
 * source to each next step whose width is its count. A hidden count is a hatched band of fixed
 * width labelled "<threshold".
 */
export function FlowChart({
  title,
  description,
  source,
  targets,
  threshold,
  formatNumber,
}: {
  title: string;
  description: string;
  source: { label: string; value: ChartValue };
  targets: readonly FlowTarget[];
  threshold: number;
  formatNumber: (value: number) => string;
}) {
  const t = useT();
  const width = 800;
  const nodeWidth = 14;
  const sourceX = 230;
  const targetX = 470;
  const gap = 8;
  const known = targets.reduce((sum, target) => sum + (target.value ?? 0), 0);
  const hiddenCount = targets.filter((target) => target.value === null).length;
  const bandArea = 260;
  const unit = Math.min(10, bandArea / Math.max(1, known + hiddenCount * (threshold - 1)));
  const bandWidth = (value: ChartValue) => (value === null ? Math.max(unit * (threshold - 1), 6) : Math.max(value * unit, value > 0 ? 2 : 0));
  const widths = targets.map((target) => bandWidth(target.value));
  const visible = targets.map((target, i) => ({ target, width: widths[i] ?? 0 })).filter((entry) => entry.target.value !== 0);
  const sourceHeight = visible.reduce((sum, entry) => sum + entry.width, 0);
  const targetsHeight = visible.reduce((sum, entry) => sum + entry.width, 0) + Math.max(0, visible.length - 1) * gap;
  const top = 10;
  const height = Math.max(targetsHeight, sourceHeight, 20) + top * 2 + 10;
  const sourceY = top + (targetsHeight - sourceHeight) / 2;
  const text = (value: ChartValue) => (value === null ? `<${threshold}` : formatNumber(value));
  const bands = visible.map((entry, i) => {
    const before = visible.slice(0, i).reduce((sum, e) => sum + e.width, 0);
    return { ...entry, sy: sourceY + before, ty: top + before + i * gap };
  });
  const alternative = [
    t('reports.chart_value', { label: source.label, value: text(source.value) }),
    ...targets.map((target) => `${source.label} → ${t('reports.chart_value', { label: target.label, value: text(target.value) })}`),
  ];
  return (
    <ChartFigure title={title} description={description} alternative={alternative}>
      {(ids) => (
        <svg
          className="chart-svg"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby={ids.title}
          aria-describedby={ids.desc}
        >
          <defs>
            <Hatch id={ids.hatch} />
          </defs>
          <rect x={sourceX - nodeWidth} y={sourceY} width={nodeWidth} height={Math.max(sourceHeight, 2)} className="chart-node" />
          <text x={sourceX - nodeWidth - 6} y={sourceY + Math.max(sourceHeight, 2) / 2 + 4} textAnchor="end" className="chart-text">
            {`${source.label} (${text(source.value)})`}
          </text>
          {bands.map((band, i) => {
            const hidden = band.target.value === null;
            const mid = (sourceX + targetX) / 2;
            const d = `M${sourceX},${band.sy} C${mid},${band.sy} ${mid},${band.ty} ${targetX},${band.ty} L${targetX},${band.ty + band.width} C${mid},${band.ty + band.width} ${mid},${band.sy + band.width} ${sourceX},${band.sy + band.width} Z`;
            return (
              <g key={`${band.target.label}-${i}`}>
                <path d={d} className={hidden ? 'chart-band chart-suppressed' : 'chart-band'} fill={hidden ? `url(#${ids.hatch})` : undefined} />
                <rect x={targetX} y={band.ty} width={nodeWidth} height={band.width} className="chart-node" />
                <text x={targetX + nodeWidth + 6} y={band.ty + band.width / 2 + 4} className="chart-text">
                  {t('reports.chart_value', { label: band.target.label, value: text(band.target.value) })}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFigure>
  );
}

export interface LineSeries {
  label: string;
  /** One value per point of the x axis, in the same order. */
  values: readonly ChartValue[];
}

/** Marker shapes and dash patterns, so that the lines differ by more than colour. */
const LINE_DASHES = [undefined, '8 4', '2 3', '10 3 2 3', '4 4'] as const;

function Marker({ shape, x, y, className }: { shape: number; x: number; y: number; className: string }) {
  const r = 5;
  switch (shape % 5) {
    case 0:
      return <circle cx={x} cy={y} r={r} className={className} />;
    case 1:
      return <rect x={x - r} y={y - r} width={r * 2} height={r * 2} className={className} />;
    case 2:
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} className={className} />;
    case 3:
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} className={className} />;
    default:
      return <path d={`M${x - r},${y - r} L${x + r},${y + r} M${x - r},${y + r} L${x + r},${y - r}`} className={className} strokeWidth="2.5" />;
  }
}

/**
 * A line chart: the points of the x axis (e.g. periods) left to right, one line with markers per
 * series. Each line has its own marker shape and dash pattern. A hidden figure has no marker; the
 * line has a gap there, labelled "<threshold".
 */
export function LineChart({
  title,
  description,
  points,
  series,
  threshold,
  formatNumber,
}: {
  title: string;
  description?: string;
  points: readonly { label: string; sublabel?: string }[];
  series: readonly LineSeries[];
  threshold: number;
  formatNumber: (value: number) => string;
}) {
  const width = 560;
  const legendRow = 20;
  const legendColumns = 2;
  const legendHeight = Math.ceil(series.length / legendColumns) * legendRow + 8;
  const left = 48;
  const right = 60;
  const plotTop = legendHeight + 12;
  const plotHeight = 200;
  const plotBottom = plotTop + plotHeight;
  const height = plotBottom + 44;
  const max = Math.max(threshold, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const niceMax = max <= 5 ? 5 : Math.ceil(max / 5) * 5;
  const y = (value: number) => plotBottom - (value / niceMax) * plotHeight;
  const step = points.length > 1 ? (width - left - right - 40) / (points.length - 1) : 0;
  const x = (i: number) => left + 40 + i * step;
  const ticks = [0, niceMax / 2, niceMax];
  const text = (value: ChartValue) => (value === null ? `<${threshold}` : formatNumber(value));
  const alternative = series.map(
    (s) => `${s.label}: ${points.map((p, i) => `${p.label}${p.sublabel ? ` (${p.sublabel})` : ''} ${text(s.values[i] ?? null)}`).join(', ')}`,
  );
  return (
    <ChartFigure title={title} description={description} alternative={alternative}>
      {(ids) => (
        <svg
          className="chart-svg"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby={ids.title}
          aria-describedby={description ? ids.desc : undefined}
        >
          <g className="chart-legend">
            {series.map((s, i) => (
              <g key={`${s.label}-${i}`} transform={`translate(${left + (i % legendColumns) * 240}, ${4 + Math.floor(i / legendColumns) * legendRow})`}>
                <line x1="0" y1="8" x2="36" y2="8" className={`chart-line chart-line-${i % 5}`} strokeDasharray={LINE_DASHES[i % 5]} />
                <Marker shape={i} x={18} y={8} className={`chart-marker chart-line-${i % 5}`} />
                <text x="44" y="12" className="chart-text">
                  {s.label}
                </text>
              </g>
            ))}
          </g>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} y1={y(tick)} x2={width - right} y2={y(tick)} className="chart-grid" />
              <text x={left - 6} y={y(tick) + 4} textAnchor="end" className="chart-text">
                {formatNumber(tick)}
              </text>
            </g>
          ))}
          <line x1={left} y1={plotTop} x2={left} y2={plotBottom} className="chart-axis" />
          <line x1={left} y1={plotBottom} x2={width - right} y2={plotBottom} className="chart-axis" />
          {points.map((p, i) => (
            <text key={`${p.label}-${i}`} x={x(i)} y={plotBottom + 16} textAnchor="middle" className="chart-text">
              <tspan x={x(i)}>{p.label}</tspan>
              {p.sublabel ? (
                <tspan x={x(i)} dy="14">
                  {p.sublabel}
                </tspan>
              ) : null}
            </text>
          ))}
          {series.map((s, si) => {
            const segments = points.slice(1).flatMap((_, i) => {
              const a = s.values[i] ?? null;
              const b = s.values[i + 1] ?? null;
              return a === null || b === null ? [] : [{ i, a, b }];
            });
            return (
              <g key={`${s.label}-${si}`} className="chart-series-line" data-series={s.label}>
                {segments.map(({ i, a, b }) => (
                  <line
                    key={i}
                    x1={x(i)}
                    y1={y(a)}
                    x2={x(i + 1)}
                    y2={y(b)}
                    className={`chart-line chart-line-${si % 5}`}
                    strokeDasharray={LINE_DASHES[si % 5]}
                  />
                ))}
                {points.map((p, i) => {
                  const value = s.values[i] ?? null;
                  const labelX = i === points.length - 1 ? x(i) + 10 : x(i) - 10;
                  const anchor = i === points.length - 1 ? 'start' : 'end';
                  if (value === null) {
                    return (
                      <text key={i} x={x(i)} y={y(Math.max(threshold - 1, 0) / 2) + 4} textAnchor="middle" className="chart-text chart-gap">
                        {text(null)}
                      </text>
                    );
                  }
                  return (
                    <g key={i} className="chart-point">
                      <Marker shape={si} x={x(i)} y={y(value)} className={`chart-marker chart-line-${si % 5}`} />
                      <text x={labelX} y={y(value) + 4} textAnchor={anchor} className="chart-text">
                        {formatNumber(value)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      )}
    </ChartFigure>
  );
}
