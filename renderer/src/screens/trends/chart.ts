// Chart.js, registered with only the parts the trend charts use (it is tree-shaken by parts).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

// GOV.UK Frontend's text colour and font, so the charts read as part of the page.
Chart.defaults.color = '#0b0c0c';
Chart.defaults.font.family = '"GDS Transport", arial, sans-serif';
Chart.defaults.font.size = 14;
// Motion helps nobody read a trend and costs frames; WCAG 2.3.3 prefers none.
Chart.defaults.animation = false;

export { Chart };
export type { ChartConfiguration };

/**
 * Colours for up to 11 series, distinguishable with the common colour-vision deficiencies
 * (Okabe–Ito, extended with GOV.UK colours); the legend and the table name each series anyway.
 */
export const seriesColours = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#912b88', '#505a5f', '#85994b'] as const;
