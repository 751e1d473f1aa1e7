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

function ChartFigure({ title, description, alternative, children }: { title: string; description?: string; alternative: string[]; children: (ids: { title: string; desc: string; hatch: string }) => ReactNode }) {
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
export function BarChart({ title, description, series, categories, threshold, formatNumber }: { title: string; description?: string; series: readonly string[]; categories: readonly BarCategory[]; threshold: number; formatNumber: (value: number) => string }) {
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
    series.length === 1 ? t('reports.chart_value', { label: c.label, value: text(c.values[0] ?? null) }) : `${c.label}: ${series.map((s, i) => `${s} ${text(c.values[i] ?? null)}`).join(', ')}`,
  );
  return (
    <ChartFigure title={title} description={description} alternative={alternative}>
      {(ids) => (
        <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={ids.title} aria-describedby={description ? ids.desc : undefined}>
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
                      <rect x={labelWidth} y={y + 1} width={w} height={barHeight - 2} className={value === null ? 'chart-suppressed' : `chart-series-${s}`} fill={value === null ? `url(#${ids.hatch})` : undefined} />
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
export function FlowChart({ title, description, source, targets, threshold, formatNumber }: { title: string; description: string; source: { label: string; value: ChartValue }; targets: readonly FlowTarget[]; threshold: number; formatNumber: (value: number) => string }) {
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
  const alternative = [t('reports.chart_value', { label: source.label, value: text(source.value) }), ...targets.map((target) => `${source.label} → ${t('reports.chart_value', { label: target.label, value: text(target.value) })}`)];
  return (
    <ChartFigure title={title} description={description} alternative={alternative}>
      {(ids) => (
        <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={ids.title} aria-describedby={ids.desc}>
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
