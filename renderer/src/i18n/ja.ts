/** Japanese strings (the default language). Keys mirror en.ts; the compiler checks both match. */
export const ja = {
  app: { title: '声紋 Seimon', tagline: '声の権利を守るワークベンチ' },
  nav: { performers: '出演者', label: 'メインメニュー' },
  language: { label: '表示言語', ja: '日本語', en: 'English' },
  performers: {
    title: '出演者',
    add: '出演者を追加',
    emptyTitle: 'まだ出演者が登録されていません',
    emptyBody: '「出演者を追加」から、守りたい声優の名前と所属を登録してください。次に参照音声を追加します。',
    count: '{{count}} 名',
    columns: { name: '氏名', kana: 'よみがな', romaji: 'ローマ字', agency: '所属事務所', actions: '操作' },
    edit: '編集',
    remove: '削除',
    loadFailed: '出演者の一覧を読み込めませんでした: {{message}}',
  },
  form: {
    addTitle: '出演者を追加',
    editTitle: '出演者を編集',
    name: '氏名（漢字）',
    kana: 'よみがな',
    romaji: 'ローマ字',
    agency: '所属事務所',
    notes: 'メモ',
    required: '必須',
    save: '保存',
    saving: '保存中…',
    cancel: 'キャンセル',
    saved: '{{name}} を保存しました',
    failed: '保存できませんでした: {{message}}',
  },
  confirm: {
    removeTitle: '出演者を削除しますか？',
    removeBody: '{{name}} を削除します。この操作は監査ログに記録されます。',
    removeConfirm: '削除する',
    removed: '{{name}} を削除しました',
  },
  validation: {
    required: '入力してください',
    too_long: '{{limit}} 文字以内で入力してください',
    control_chars: '制御文字は使えません',
    unknown_field: '不明な項目です',
    invalid: '入力内容を確認してください',
  },
  errors: { generic: 'エラー ({{code}}): {{message}}' },
};

/** Every UI string, by key; en.ts must provide the same shape. */
export type Messages = typeof ja;
