/**
 * Events between an element and its own parts, inside one shadow root. They bubble to the
 * element that renders the part but are not composed: nothing of them leaves that element, and
 * hosts never see them. @internal
 */
import type { AlertPatch } from '../data/model.js';
import type { RangeSpec } from '../lib/time-range.js';

/** `<ip-alerts-flyout>` → `<ip-alerts-list>`: the analyst saved; the list calls the provider. @internal */
export class IpFlyoutSaveEvent extends Event {
  static readonly type = 'ip-flyout-save';
  readonly detail: { patch: AlertPatch };
  constructor(patch: AlertPatch) {
    super(IpFlyoutSaveEvent.type, { bubbles: true, composed: false });
    this.detail = { patch };
  }
}

/** `<ip-alerts-flyout>` → `<ip-alerts-list>`: the analyst closed the panel (button or Escape). @internal */
export class IpFlyoutCloseEvent extends Event {
  static readonly type = 'ip-flyout-close';
  constructor() {
    super(IpFlyoutCloseEvent.type, { bubbles: true, composed: false });
  }
}

/** `<ip-custom-range>` → `<ip-time-range-picker>`: the analyst applied a valid custom window. @internal */
export class IpCustomRangeApplyEvent extends Event {
  static readonly type = 'ip-custom-range-apply';
  readonly detail: { range: RangeSpec };
  constructor(range: RangeSpec) {
    super(IpCustomRangeApplyEvent.type, { bubbles: true, composed: false });
    this.detail = { range };
  }
}

/** `<ip-custom-range>` → `<ip-time-range-picker>`: the analyst cancelled (button or Escape). @internal */
export class IpCustomRangeCancelEvent extends Event {
  static readonly type = 'ip-custom-range-cancel';
  constructor() {
    super(IpCustomRangeCancelEvent.type, { bubbles: true, composed: false });
  }
}

/**
 * `<ip-response-actions>` → `<ip-entity-page>`: the indicators set for the IP changed (one was
 * added, removed or its expiry changed), so the header's status asks again. @internal
 */
export class IpIndicatorsChangedEvent extends Event {
  static readonly type = 'ip-indicators-changed';
  constructor() {
    super(IpIndicatorsChangedEvent.type, { bubbles: true, composed: false });
  }
}
