/**
 * Why a text is not an IP address, in the page's language and in a sentence that quotes it. Not
 * in the page's first paint: the page and the overview load it when an address is invalid (the
 * tabs, loaded later, import it as they are).
 */
import type { IpParseResult, IpProblem } from '../../lib/ip.js';
import { msg, str } from './l10n.js';

const MAX_QUOTED = 64;

/** Quote a user value in a message without letting a huge paste flood the UI. */
function quote(value: string): string {
  const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return `“${shown}”`;
}

/** Why `input` is not an address, in a sentence that quotes it. */
function problemText(input: string, problem: IpProblem): string {
  switch (problem.reason) {
    case 'empty':
      return msg('Enter an IP address.');
    case 'whitespace':
      return msg(str`${quote(input)} contains spaces; an IP address has none.`);
    case 'too-long':
      return msg(str`${quote(input)} is too long to be an IP address.`);
    case 'cidr':
      return msg(str`${quote(input)} is a network range (CIDR). This page is for a single address; enter one address without “/”.`);
    case 'brackets':
      return msg(str`${quote(input)} has brackets; enter the IPv6 address without “[ ]”.`);
    case 'zone-id':
      return msg(str`${quote(input)} has a zone id (${quote(problem.zone)}), which only means something on one host. Enter the address without it.`);
    case 'empty-part':
      return msg(str`${quote(input)} is not an IP address: it has an empty part between dots.`);
    case 'hex':
      return msg(str`${quote(input)} uses hexadecimal, which some systems accept and others reject. Write the address as four decimal numbers, such as 127.0.0.1.`);
    case 'integer':
      return msg(str`${quote(input)} is a plain number, not an IP address. Write it as four decimal numbers separated by dots, such as 192.0.2.1.`);
    case 'part-count':
      return msg(str`${quote(input)} has ${problem.parts} parts; an IPv4 address has four.`);
    case 'shorthand':
      return msg(str`${quote(input)} is a shorthand form with ${problem.parts} parts, which systems read differently. Write all four parts, such as 127.0.0.1.`);
    case 'leading-zero':
      return msg(str`${quote(input)} has a part with a leading zero, which some systems read as octal. Write each part without leading zeros.`);
    case 'octet-range':
      return msg(str`${quote(input)} has a part above 255; each part of an IPv4 address is 0 to 255.`);
    case 'invalid-ipv6':
      return msg(str`${quote(input)} is not a valid IPv6 address.`);
    case 'ipv6-group':
      return msg(str`${quote(input)} is not a valid IPv6 address: a group has more than four hex digits.`);
    case 'ipv4-tail': {
      const inner = problemText(input.slice(input.lastIndexOf(':') + 1), problem.inner);
      return msg(str`${quote(input)} ends with an invalid IPv4 part: ${inner}`);
    }
    case 'not-an-address':
    default:
      return msg(str`${quote(input)} is not an IPv4 or IPv6 address.`);
  }
}

/** Why a parse failed, for the analyst; an empty string for a valid address. */
export function ipProblemText(result: IpParseResult): string {
  return result.ok ? '' : problemText(result.input, result.problem);
}
