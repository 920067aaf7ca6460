import { useEffect, useRef, type ReactNode } from 'react';
import { Chart, type ChartConfiguration } from './chart.js';

/**
 * One chart drawn by Chart.js on a canvas, with the same numbers as a table beneath it: the
 * canvas is an image to assistive technology (its label says what it shows), the table is the data.
 */
export function TrendChart({ id, title, summary, config, table }: { id: string; title: string; summary: string; config: ChartConfiguration; table: ReactNode }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => {
      chart.destroy();
    };
  }, [config]);
  return (
    <section className="spo-trend" aria-labelledby={`${id}-title`}>
      <h2 className="govuk-heading-m" id={`${id}-title`}>
        {title}
      </h2>
      <div className="spo-trend__canvas">
        <canvas ref={canvas} role="img" aria-label={`${title}: ${summary}`} />
      </div>
      <p className="govuk-body">{summary}</p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">The numbers behind this chart</span>
        </summary>
        <div className="govuk-details__text">{table}</div>
      </details>
    </section>
  );
}
