// next-intl's request configuration, without locale routing: one locale (English) for now, read by
// getTranslations() on the server and handed to NextIntlClientProvider for client components.
// A later language adds messages/<locale>.json and picks the locale here (profile setting or
// Accept-Language); no URL changes are needed. See docs/development.md, "Strings (next-intl)".
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE } from "./config";

export default getRequestConfig(async () => ({
  locale: DEFAULT_LOCALE,
  messages: (await import("../../messages/en.json")).default,
}));
