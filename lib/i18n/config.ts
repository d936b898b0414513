// The locales the app has catalogs for (messages/<locale>.json). English is the source catalog.
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
