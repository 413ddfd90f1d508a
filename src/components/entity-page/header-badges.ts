/**
 * The page header's optional parts, loaded together after the first paint when the provider has
 * threat intelligence, indicators or notes: the two badges and the colleagues' note. Each asks
 * only for what its provider has and shows nothing otherwise.
 */
import '../threat-intel/ip-reputation-badge.js';
import '../response-actions/ip-indicator-badge.js';
import '../note/ip-note.js';
