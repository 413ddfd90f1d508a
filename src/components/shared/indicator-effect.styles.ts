/**
 * What an indicator does, as a badge's colour (`effect-blocked` …), and the status badge that is a
 * button: the response bar's and the page header's (`<ip-indicator-badge>`).
 */
import { css } from 'lit';

export const indicatorEffectStyles = css`
  /* A badge (shared styles) that is a button: taller, and a darker tint under the pointer. */
  .indicator-status {
    min-height: 26px;
    padding: 0 10px;
    cursor: pointer;
  }
  .indicator-status:hover {
    background: color-mix(in srgb, var(--_badge-color) 18%, transparent);
  }
  .effect-blocked {
    --_badge-color: var(--_severity-high);
  }
  .effect-warned {
    --_badge-color: var(--_severity-medium);
  }
  .effect-audited {
    --_badge-color: var(--_severity-low);
  }
  .effect-allowed {
    --_badge-color: var(--_color-success);
  }
  .effect-intel {
    /* The accent's darker shade: the plain accent on its own tint misses 4.5:1. */
    --_badge-color: var(--_color-accent-hover);
  }
  .effect-none,
  .effect-other {
    --_badge-color: var(--_color-text);
  }
`;
