import type { Translation } from '../../ui/i18n/translation';

/** Strings of the first run (namespace 'onboarding'). */
export const en = {
  title: 'Welcome to Tickler CRM',
  lead: 'Your tickler file on screen: day folders 1–31 and month folders. Each client’s dossier is filed under the date of the next contact; every morning you open today’s folder.',
  language: 'Language',
  name: 'Your name',
  nameHint: 'Written on every call you log, so a colleague covering your leave knows who did what.',
  namePlaceholder: 'e.g. Anna Smirnova',
  start: 'How do you want to start?',
  empty: 'Start with an empty binder',
  emptyHint: 'Add your clients one by one or paste a list from a spreadsheet.',
  demo: 'Load a demo portfolio (300 clients)',
  demoHint: 'Realistic clients filed over the coming weeks, to try the daily loop first.',
  loading: 'Filing the demo dossiers… {{done}} of {{total}}',
  failed: 'The demo could not be loaded: {{message}}',
};

export const ru: typeof en = {
  title: 'Добро пожаловать в Tickler CRM',
  lead: 'Ваша картотека на экране: вкладыши на дни 1–31 и на месяцы. Досье каждого клиента лежит под датой следующего контакта; каждое утро вы открываете сегодняшний вкладыш.',
  language: 'Язык',
  name: 'Ваше имя',
  nameHint: 'Ставится на каждый записанный звонок, чтобы коллега, замещающий вас в отпуске, видел, кто что делал.',
  namePlaceholder: 'например, Анна Смирнова',
  start: 'С чего начать?',
  empty: 'Начать с пустой картотеки',
  emptyHint: 'Добавляйте клиентов по одному или вставьте список из таблицы.',
  demo: 'Загрузить демо-портфель (300 клиентов)',
  demoHint: 'Реалистичные клиенты, разложенные на ближайшие недели, чтобы сначала попробовать рабочий день.',
  loading: 'Раскладываем демо-досье… {{done}} из {{total}}',
  failed: 'Не удалось загрузить демо: {{message}}',
};

export const ro: Translation<typeof en> = {
  title: 'Bun venit în Tickler CRM',
  lead: 'Biblioraftul dumneavoastră pe ecran: inserții pe zile 1–31 și inserții pe luni. Dosarul fiecărui client este clasat la data următorului contact; în fiecare dimineață deschideți inserția zilei.',
  language: 'Limba',
  name: 'Numele dumneavoastră',
  nameHint: 'Apare la fiecare apel notat, ca un coleg care vă ține locul în concediu să știe cine ce a făcut.',
  namePlaceholder: 'de ex. Ana Popescu',
  start: 'Cum doriți să începeți?',
  empty: 'Cu un biblioraft gol',
  emptyHint: 'Adăugați clienții unul câte unul sau lipiți o listă dintr-un tabel.',
  demo: 'Încărcați un portofoliu demo (300 de clienți)',
  demoHint: 'Clienți realiști, clasați în săptămânile următoare, ca să încercați mai întâi ritmul zilnic.',
  loading: 'Se clasează dosarele demo… {{done}} din {{total}}',
  failed: 'Portofoliul demo nu s-a putut încărca: {{message}}',
};
