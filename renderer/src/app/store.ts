import { create } from 'zustand';
import type { StateCreator } from 'zustand';
import type { Language } from '../i18n';

/** UI-only state: the current page, language and notices. Server data stays out of the store. */
export type Page = 'performers' | 'suspects' | 'screening' | 'compare' | 'cases' | 'settings';

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  text: string;
}

interface UiSlice {
  page: Page;
  language: Language;
  setPage: (p: Page) => void;
  setLanguage: (l: Language) => void;
}

interface SelectionSlice {
  /** The performer whose detail view is open, if any. */
  performerId: string | null;
  suspectId: string | null;
  /** The pair shown on the comparison page. */
  comparePair: { performerId: string; suspectId: string } | null;
  caseId: string | null;
  openCase: (id: string | null) => void;
  openPerformer: (id: string | null) => void;
  openSuspect: (id: string | null) => void;
  openComparison: (performerId: string, suspectId: string) => void;
}

interface NoticeSlice {
  notices: Notice[];
  notify: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

export type AppState = UiSlice & NoticeSlice & SelectionSlice;

const LANGUAGE_KEY = 'seimon.language';

function initialLanguage(): Language {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  page: 'performers',
  language: initialLanguage(),
  // Choosing a section in the menu shows its list, not the detail view left open earlier.
  // Notices belong to the page they were raised on: moving on clears them.
  setPage: (page) => set({ page, performerId: null, caseId: null, notices: [] } as Partial<AppState>),
  setLanguage: (language) => {
    try {
      window.localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // storage may be unavailable; the choice still applies to this session
    }
    set({ language });
  },
});

const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  performerId: null,
  suspectId: null,
  comparePair: null,
  caseId: null,
  // Opening another page keeps notices raised just before (e.g. "case opened"), dropping older ones.
  openCase: (caseId) => set((s) => ({ caseId, page: 'cases', notices: s.page === 'cases' ? s.notices : s.notices.slice(-1) })),
  openPerformer: (performerId) => set({ performerId, page: 'performers' }),
  openSuspect: (suspectId) => set({ suspectId, page: 'suspects' }),
  openComparison: (performerId, suspectId) => set({ comparePair: { performerId, suspectId }, page: 'compare', notices: [] }),
});

let noticeId = 0;
/** How long a notice stays (ms). */
export const NOTICE_MS: Record<Notice['kind'], number> = { success: 5000, error: 10000 };
const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  notify: (kind, text) => {
    const id = ++noticeId;
    set((s) => ({ notices: [...s.notices.slice(-2), { id, kind, text }] }));
    // Every notice fades on its own; errors stay longer so they can be read, and can be closed at once.
    setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), NOTICE_MS[kind]);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

export const useAppStore = create<AppState>()((...a) => ({
  ...createUiSlice(...a),
  ...createNoticeSlice(...a),
  ...createSelectionSlice(...a),
}));
