/** Text safe to put in ECharts rich text: no braces (rich-text markup), no overlong lines. */
export function richTextSafe(text: string, max = 90): string {
  const clean = text.replace(/\{/g, '\uFF5B').replace(/\}/g, '\uFF5D').replace(/[\r\n\t]+/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
