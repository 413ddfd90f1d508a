/**
 * `IpSlowNotice` once its module has loaded (it puts itself here), so the sections can read its
 * `defaultDelay` without loading it: until it loads, nobody can have changed the default.
 */
export const slowNoticeClass: { current?: { readonly defaultDelay: number } } = {};
