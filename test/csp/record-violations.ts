// Runs first: every CSP / Trusted Types violation on this page is recorded for the test to read.
declare global {
  interface Window {
    __violations: string[];
    __errors: string[];
  }
}
window.__violations = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.violatedDirective} | ${e.sample || e.blockedURI}`);
});
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
export {};
