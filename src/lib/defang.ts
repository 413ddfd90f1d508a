/**
 * Indicators written the way analysts write them in tickets and chats, so no tool turns them into
 * live links: `hxxps://evil[.]example/x`, `203[.]0[.]113[.]7`, `c2[.]example`. Chat tools
 * (Teams, Slack, Jira) link bare domains and addresses on their own; one click on such a link from
 * a SOC workstation contacts the attacker's host. Pure functions.
 */

const URL_IN_TEXT = /\b(?:https?|ftp):\/\/[^\s<>"']+/gi;
const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;

function scheme(name: string): string {
  return name.replace(/^(h)tt(ps?)$/i, '$1xx$2').replace(/^(f)t(p)$/i, '$1x$2');
}

/** A host (name or address, with a port or credentials) with its dots in brackets. */
function host(text: string): string {
  return text.replace(/\./g, '[.]');
}

/** A URL defanged: its scheme (`hxxps`) and the dots of its host; the path stays as it is. */
export function defangUrl(url: string): string {
  const m = URL_PARTS.exec(url);
  return m ? `${scheme(m[1]!)}://${host(m[2]!)}${m[3]}` : url;
}

/**
 * An indicator (an IP address, a host name, a URL, an e-mail address) defanged: a URL as
 * {@link defangUrl}, anything else with every dot in brackets.
 */
export function defangIndicator(value: string): string {
  return URL_PARTS.test(value) ? defangUrl(value) : host(value);
}

/** Free text (an alert title) with each URL in it defanged; other words stay as written. */
export function defangUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, defangUrl);
}
