/** The colours and type of a chart, read from the element's resolved `--ip-*` tokens. */
export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  severity: { high: string; medium: string; low: string; informational: string; unknown: string };
  fontFamily: string;
  fontSize: number;
  dark: boolean;
}

function read(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v || fallback;
}

/** Canvas cannot read CSS variables, so the chart asks the element for their computed values. */
export function readChartTheme(element: Element): ChartTheme {
  const s = getComputedStyle(element);
  return {
    text: read(s, '--_color-text', '#1c1f24'),
    muted: read(s, '--_color-text-muted', '#555d6b'),
    border: read(s, '--_color-border', '#d6d9df'),
    surface: read(s, '--_color-surface', '#ffffff'),
    accent: read(s, '--_color-accent', '#0f6cbd'),
    severity: {
      high: read(s, '--_severity-high', '#b10e1c'),
      medium: read(s, '--_severity-medium', '#974300'),
      low: read(s, '--_severity-low', '#665300'),
      informational: read(s, '--_severity-informational', '#4a5568'),
      unknown: read(s, '--_severity-unknown', '#565e6c'),
    },
    fontFamily: read(s, '--_font-family', 'system-ui, sans-serif'),
    fontSize: parseFloat(read(s, '--_font-size-small', '12px')) || 12,
    dark: s.colorScheme === 'dark',
  };
}

export function sameTheme(a: ChartTheme | undefined, b: ChartTheme): boolean {
  return !!a && JSON.stringify(a) === JSON.stringify(b);
}
