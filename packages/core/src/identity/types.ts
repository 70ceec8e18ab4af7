/** One person's identifying fields as a district or the state record holds them. */
export type IdentityInput = {
  stateId?: string | null;
  lastName: string;
  firstName: string;
  middleName?: string | null;
  /** ISO `YYYY-MM-DD`; a malformed value (e.g. `2013-02-71`) is still compared digit by digit. */
  birthDate: string | null;
  gender?: string | null;
};

/**
 * One piece of evidence in a clerk-readable sentence. `weight` is its signed contribution to the score: the
 * weights of a fuzzy result add up to its score (before clamping to 0..1), so a screen can show why.
 */
export type MatchReason = { code: string; text: string; weight: number };

/** The outcome of comparing two identities. */
export type MatchScore = {
  score: number;
  decision: 'match' | 'review' | 'new';
  method: 'state-id' | 'exact' | 'fuzzy';
  reasons: MatchReason[];
};

/** Profile settings (profiles/<state>/matching.yaml): decision thresholds and given-name groups. */
export type MatchSettings = {
  matchThreshold: number;
  reviewThreshold: number;
  /** Formal given name → its nicknames and spelling variants; two names match when one group holds both. */
  nicknames: Record<string, string[]>;
};
