import { IpPrevalenceChart } from './prevalence-chart.js';

export { IpPrevalenceChart };

if (!customElements.get('ip-prevalence-chart')) customElements.define('ip-prevalence-chart', IpPrevalenceChart);

declare global {
  interface HTMLElementTagNameMap {
    'ip-prevalence-chart': IpPrevalenceChart;
  }
}
