/**
 * The page header's badges, loaded together after the first paint when the provider has threat
 * intelligence or indicators: each asks only for what its provider has and shows nothing otherwise.
 */
import '../threat-intel/ip-reputation-badge.js';
import '../response-actions/ip-indicator-badge.js';
