/** The ground floor: pure domain types every layer may import (no runtime imports beyond constants). */
export type * from './workbench.js';
export type * from './performers.js';
export type * from './cases.js';
export type * from './letters.js';
export type * from './population.js';
export type * from './cli-results.js';
export type * from './evidence.js';
export { AI_USES } from './workbench.js';
export { CASE_STATUSES } from './cases.js';
export { LETTER_REGIMES, LETTER_FORMATS, OPERATOR_REGIMES } from './letters.js';
export { formatSimilarity } from './format.js';
export { MIN_SCORED_SPEECH_SECONDS, WHOLE_SPEECH_WINDOW_SECONDS, SHORT_SPEECH_SECONDS, eerAtSpeech } from './short-speech.js';
export type { SpeechDurationEer } from './short-speech.js';
export { WITHHELD_BAND, POPULATION_MIN_PERFORMERS, POPULATION_MIN_MULTI_REFERENCE, OVERSTATE_FACTOR, OVERSTATE_CEILING } from './population.js';
export { KNOWN_TSAS } from './evidence.js';
export type * from './capture.js';
export { PAGE_FIELDS, ARTEFACT_KINDS, MEDIA_ORIGINS } from './capture.js';
