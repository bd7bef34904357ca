import { create } from 'zustand';
import type { StateCreator } from 'zustand';
import type { Language } from '../i18n';

/** UI-only state: the current page, language and notices. Server data stays out of the store. */
export type Page = 'performers';

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

interface NoticeSlice {
  notices: Notice[];
  notify: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

export type AppState = UiSlice & NoticeSlice;

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
  setPage: (page) => set({ page }),
  setLanguage: (language) => {
    try {
      window.localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // storage may be unavailable; the choice still applies to this session
    }
    set({ language });
  },
});

let noticeId = 0;
const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  notify: (kind, text) => set((s) => ({ notices: [...s.notices.slice(-2), { id: ++noticeId, kind, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

export const useAppStore = create<AppState>()((...a) => ({ ...createUiSlice(...a), ...createNoticeSlice(...a) }));
