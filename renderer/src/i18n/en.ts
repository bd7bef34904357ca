import type { Messages } from './ja';

/** English strings. */
export const en: Messages = {
  app: { title: 'Seimon 声紋', tagline: 'A workbench that protects performers’ voices' },
  nav: { performers: 'Performers', label: 'Main menu' },
  language: { label: 'Language', ja: '日本語', en: 'English' },
  performers: {
    title: 'Performers',
    add: 'Add performer',
    emptyTitle: 'No performers yet',
    emptyBody: 'Use “Add performer” to register the voice actors you protect, then add their reference recordings.',
    count: '{{count}} performers',
    columns: { name: 'Name', kana: 'Kana', romaji: 'Romaji', agency: 'Agency', actions: 'Actions' },
    edit: 'Edit',
    remove: 'Remove',
    loadFailed: 'Could not load performers: {{message}}',
  },
  form: {
    addTitle: 'Add performer',
    editTitle: 'Edit performer',
    name: 'Name (kanji)',
    kana: 'Kana reading',
    romaji: 'Romaji',
    agency: 'Agency',
    notes: 'Notes',
    required: 'required',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    saved: 'Saved {{name}}',
    failed: 'Could not save: {{message}}',
  },
  confirm: {
    removeTitle: 'Remove this performer?',
    removeBody: '{{name}} will be removed. The removal is recorded in the audit log.',
    removeConfirm: 'Remove',
    removed: 'Removed {{name}}',
  },
  validation: {
    required: 'Please fill this in',
    too_long: 'At most {{limit}} characters',
    control_chars: 'Control characters are not allowed',
    unknown_field: 'Unknown field',
    invalid: 'Please check this value',
  },
  errors: { generic: 'Error ({{code}}): {{message}}' },
};
