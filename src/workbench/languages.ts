// Performers' languages (codes, default 'ja') against the languages a model was trained on (the
// manifest's free-text `language`, e.g. "English" or "Chinese, English"; "multilingual" matches all).
const NAMES: Record<string, string> = {
  english: 'en',
  japanese: 'ja',
  chinese: 'zh',
  mandarin: 'zh',
  korean: 'ko',
  日本語: 'ja',
  英語: 'en',
};

/** Language codes a model declares, or ['*'] for multilingual, or [] when it declares none. */
export function modelLanguages(declared: string | null): string[] {
  if (!declared) return [];
  const parts = declared.toLowerCase().split(/[,/;&]|\band\b/).map((s) => s.trim()).filter(Boolean);
  if (parts.some((p) => p.includes('multilingual'))) return ['*'];
  return [...new Set(parts.map((p) => NAMES[p] ?? p))];
}

/** The mismatch to state on every score, or null when the performers' languages are covered. */
export function languageMismatch(performerLanguages: readonly string[], declared: string | null): { performers: string[]; model: string[] } | null {
  const model = modelLanguages(declared);
  if (model.length === 0 || model.includes('*')) return null;
  const uncovered = performerLanguages.filter((l) => !model.includes(l));
  return uncovered.length > 0 ? { performers: [...new Set(uncovered)].sort(), model } : null;
}
