import { useEffect, useId, useRef } from 'react';
import { formatNumber } from '../ui/format.js';

export interface ChartSeries {
  label: string;
  values: number[];
  /** A CSS color; the palette keeps them apart for common colour blindness. */
  color: string;
}

/**
 * A line chart of per-day figures (uPlot, on a canvas) with the same figures as a table, so screen readers and
 * keyboards get every number, not a picture. uPlot is loaded with the chart, not with the page.
 */
export function ActivityChart({ title, days, series }: { title: string; days: string[]; series: ChartSeries[] }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element || !canDraw()) return undefined;
    let chart: { destroy(): void; setSize(size: { width: number; height: number }): void } | undefined;
    let observer: ResizeObserver | undefined;
    let live = true;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (!live) return;
      const width = Math.max(element.clientWidth, 280);
      const xs = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
      chart = new UPlot({
        width,
        height: 240,
        tzDate: (ts: number) => UPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, 4)] } },
        axes: [{}, { size: 56 }],
        series: [{ label: 'Day (UTC)' }, ...series.map((s) => ({
          label: s.label, stroke: s.color, width: 2, points: { show: days.length <= 45 },
        }))],
      }, [xs, ...series.map((s) => s.values)], element);
      if (typeof ResizeObserver === 'function') {
        observer = new ResizeObserver(() => chart?.setSize({ width: Math.max(element.clientWidth, 280), height: 240 }));
        observer.observe(element);
      }
    }).catch(() => {
      // No chart (an old browser, a failed chunk): the table below holds the same figures.
    });
    return () => {
      live = false;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [days, series]);

  const totals = series.map((s) => `${s.label} ${formatNumber(s.values.reduce((a, b) => a + b, 0))}`).join(', ');
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div ref={box} className="chart-canvas" role="img" aria-label={`${title}: totals over the range, ${totals}`} />
      <details>
        <summary>{title} as a table</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title} per day (UTC)</caption>
            <thead>
              <tr><th scope="col">Day (UTC)</th>{series.map((s) => <th scope="col" key={s.label}>{s.label}</th>)}</tr>
            </thead>
            <tbody>
              {days.map((day, index) => (
                <tr key={day}>
                  <th scope="row">{day}</th>
                  {series.map((s) => <td key={s.label} className="num">{formatNumber(s.values[index] ?? 0)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function canDraw(): boolean {
  try {
    return !!document.createElement('canvas').getContext('2d') && typeof window.matchMedia === 'function';
  } catch {
    return false;
  }
}
