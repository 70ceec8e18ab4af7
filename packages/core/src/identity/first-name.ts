// First-name comparison. The first name is what tells twins apart (same last name, birth date and often
// gender), so only exact forms, nicknames and known name moves earn near-full credit; a one-letter difference
// earns enough for review, never for a match on its own (weights.ts).
import type { MatchReason } from './types.ts';
import type { Name } from './names.ts';
import { both, isPartOf, isSlip, reason, sameText } from './names.ts';
import { displayName } from './normalize.ts';
import { sharedNameGroup } from './nicknames.ts';

/** The first-name reason, and whether it used a middle name (then middle names are not compared again). */
export type FirstNameResult = { reason: MatchReason; usedMiddle: boolean };

function title(name: string): string {
  return name.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
}

function nickname(a: Name, b: Name, nicknames: Record<string, string[]>): MatchReason | null {
  const formal = sharedNameGroup(nicknames, a.compact, b.compact);
  if (formal === null) return null;
  const formalCompact = formal.replaceAll(' ', '');
  if (a.compact === formalCompact || b.compact === formalCompact) {
    const [nick, full] = a.compact === formalCompact ? [b, a] : [a, b];
    return reason(
      'NICKNAME',
      `first name ${displayName(nick.raw)} is a nickname of ${displayName(full.raw)}`,
    );
  }
  return reason('NICKNAME', `first names ${both(a, b)} are both forms of ${title(formal)}`);
}

function usesMiddle(inF: Name, inM: Name, exF: Name, exM: Name): FirstNameResult | null {
  if (
    inM.compact !== '' &&
    exM.compact !== '' &&
    inF.compact === exM.compact &&
    inM.compact === exF.compact
  ) {
    const text = `first and middle names are swapped (${displayName(inF.raw)} ${displayName(inM.raw)} and ${displayName(exF.raw)} ${displayName(exM.raw)})`;
    return { reason: reason('FIRST_MIDDLE_SWAPPED', text), usedMiddle: true };
  }
  const [first, middle] =
    exM.compact !== '' && inF.compact === exM.compact
      ? [inF, exF]
      : inM.compact !== '' && exF.compact === inM.compact
        ? [exF, inF]
        : [null, null];
  if (first === null || middle === null) return null;
  const text = `first name ${displayName(first.raw)} is the middle name on the other record (first name ${displayName(middle.raw)})`;
  return { reason: reason('MIDDLE_AS_FIRST', text), usedMiddle: true };
}

/** Compares first names, trying (in order) exact, spacing, nickname, middle-name moves, compound, slip, initial. */
export function compareFirstNames(
  inF: Name,
  inM: Name,
  exF: Name,
  exM: Name,
  nicknames: Record<string, string[]>,
): FirstNameResult {
  const plain = (r: MatchReason): FirstNameResult => ({ reason: r, usedMiddle: false });
  if (inF.compact === '' || exF.compact === '')
    return plain(reason('NAME_MISSING', 'first name missing on one record'));
  if (inF.norm === exF.norm) return plain(reason('FIRST_SAME', sameText('first', inF, exF)));
  if (inF.compact === exF.compact) {
    return plain(reason('FIRST_SPACING', `first names ${both(inF, exF)} differ only in spacing`));
  }
  const nick = nickname(inF, exF, nicknames);
  if (nick !== null) return plain(nick);
  const middle = usesMiddle(inF, inM, exF, exM);
  if (middle !== null) return middle;
  if (isPartOf(inF, exF)) {
    const [short, long] = inF.norm.length <= exF.norm.length ? [inF, exF] : [exF, inF];
    return plain(
      reason('FIRST_COMPOUND', `first name ${displayName(short.raw)} is part of ${displayName(long.raw)}`),
    );
  }
  if (isSlip(inF.compact, exF.compact)) {
    return plain(reason('FIRST_SPELLING', `first names ${both(inF, exF)} differ by one letter`));
  }
  if ((inF.compact.length === 1 || exF.compact.length === 1) && inF.compact[0] === exF.compact[0]) {
    return plain(reason('FIRST_INITIAL', `first names ${both(inF, exF)} agree on the initial only`));
  }
  return plain(reason('FIRST_DIFFERENT', `first names ${both(inF, exF)} differ`));
}
