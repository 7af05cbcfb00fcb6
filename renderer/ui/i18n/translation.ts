/**
 * The shape a translated string table must have, derived from the English table: the same
 * keys and nesting, except plural forms that only some languages use (`_zero`, `_two`,
 * `_few`, `_many`) are optional here, because which of them a language needs is its
 * plural rules' business; `test/unit/i18n/string-tables.test.ts` checks each language has
 * exactly the forms Intl.PluralRules asks for.
 */
type LanguageSpecificPlural = `${string}_${'zero' | 'two' | 'few' | 'many'}`;

export type Translation<T> = {
  [K in keyof T as K extends LanguageSpecificPlural ? never : K]: T[K] extends string ? string : Translation<T[K]>;
} & {
  [K in keyof T as K extends LanguageSpecificPlural ? K : never]?: string;
};
