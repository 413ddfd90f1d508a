/**
 * ECharts clears its container with `innerHTML = ''` (canvas painter init and dispose). Under a
 * `require-trusted-types-for 'script'` CSP that assignment is refused unless the page has a
 * default policy, and the chart never draws. Clearing needs no HTML at all, so on our own
 * container we answer "set to empty" with `replaceChildren()`; anything else still goes through
 * the browser's enforced setter. No policy is created, no markup ever passes.
 */
const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;

export function clearWithoutMarkup(element: Element): void {
  Object.defineProperty(element, 'innerHTML', {
    configurable: true,
    get(this: Element) {
      return innerHTML.get!.call(this);
    },
    set(this: Element, value: unknown) {
      if (value === '' || value == null) this.replaceChildren();
      else innerHTML.set!.call(this, value);
    },
  });
}
