/**
 * A text that depends on a number: one form per plural category of the language (`Intl.PluralRules`),
 * chosen by the `count` parameter. `other` is always required; Chinese needs only `other`.
 */
export type PluralText = {
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly zero?: string;
  readonly other: string;
};
export type Text = string | PluralText;
/** Each text carries both languages side by side, so neither can be forgotten. */
export type MessageTable = Record<string, { 'zh-CN': Text; en: Text }>;

/** `{name}` placeholders of a template, as a union of names (for typed parameters); `{name|unit.key}` counts. */
export type Placeholders<S> = S extends `${string}{${infer Placeholder}}${infer Rest}`
  ? (Placeholder extends `${infer Name}|${string}` ? Name : Placeholder) | Placeholders<Rest>
  : never;
/** Every template a text holds: the string itself, or each plural form. */
export type Templates<T> = T extends string ? T : T extends PluralText ? T[keyof T] & string : never;
