/** The indicators' view (`indicator-view.ts`), loaded once on first need by the bar and the wizard. */
import { lazyModule } from '../../lib/lazy.js';

export const indicatorView = /* @__PURE__ */ lazyModule(() => import('./indicator-view.js'));
