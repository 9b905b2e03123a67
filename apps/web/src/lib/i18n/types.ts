/** Each text carries both languages side by side, so neither can be forgotten. */
export type MessageTable = Record<string, { 'zh-CN': string; en: string }>;
