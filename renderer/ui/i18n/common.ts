/** Strings shared by every screen: navigation, actions, generic states. */
export const en = {
  appName: 'Tickler CRM',
  nav: {
    today: 'Today',
    binder: 'Binder',
    calendar: 'Calendar',
    dossiers: 'Dossiers',
    sync: 'Excel',
    settings: 'Settings',
  },
  action: {
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    delete: 'Delete',
    undo: 'Undo',
    apply: 'Apply',
    back: 'Back',
    search: 'Search',
  },
  state: {
    loading: 'Loading…',
    empty: 'Nothing here yet',
    error: 'Something went wrong: {{message}}',
  },
  webMode: 'Browser mode: data is stored in this browser',
};

export const ru: typeof en = {
  appName: 'Tickler CRM',
  nav: {
    today: 'Сегодня',
    binder: 'Картотека',
    calendar: 'Календарь',
    dossiers: 'Досье',
    sync: 'Excel',
    settings: 'Настройки',
  },
  action: {
    save: 'Сохранить',
    cancel: 'Отмена',
    close: 'Закрыть',
    delete: 'Удалить',
    undo: 'Отменить',
    apply: 'Применить',
    back: 'Назад',
    search: 'Поиск',
  },
  state: {
    loading: 'Загрузка…',
    empty: 'Пока пусто',
    error: 'Что-то пошло не так: {{message}}',
  },
  webMode: 'Режим браузера: данные хранятся в этом браузере',
};
