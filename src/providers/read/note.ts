/**
 * Reading a note on the IP (`getNote`, `saveNote`): null or absent is no note; the text is
 * required (at most {@link NOTE_MAX} characters: a longer one is refused, never cut, as the analyst
 * would save it back cut), its time too; who and which version are optional.
 */
import { NOTE_MAX, type IpNote } from '../../data/model.js';
import { bad, get, object, optId, optStr, time } from './primitives.js';

export function readNote(value: unknown, path = ''): IpNote | null {
  if (value == null) return null;
  const o = object(value, path);
  const text = get(o, 'text');
  if (typeof text !== 'string' || text.length > NOTE_MAX) bad(path ? `${path}.text` : 'text', `text of at most ${NOTE_MAX} characters`, text);
  const note: IpNote = { text: text as string, updatedAt: time(o, 'updatedAt', path) };
  const by = optStr(o, 'updatedBy', path, 256);
  if (by) note.updatedBy = by;
  const version = optId(o, 'version', path);
  if (version) note.version = version;
  return note;
}
