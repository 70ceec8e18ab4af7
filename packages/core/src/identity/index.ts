export type { IdentityInput, MatchReason, MatchScore, MatchSettings } from './types.ts';
export { scoreIdentity } from './score.ts';
export { normalizeName } from './normalize.ts';
export { blockingKeys } from './blocking.ts';
export { parseMatchSettings, matchSettingsSchema, MatchSettingsError } from './settings.ts';
export { jaroWinkler, soundex } from './similarity.ts';
export { WEIGHTS as MATCH_WEIGHTS } from './weights.ts';
export { birthDateVariants } from './birth-date.ts';
