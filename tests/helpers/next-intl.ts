// next-intl under Jest: the package is ESM-only and picks its server or client build by the
// "react-server" export condition, which Jest does not set, so jest.config.mjs maps `next-intl` and
// `next-intl/server` here. The strings still come from the real catalog (messages/en.json) through
// use-intl's own translator, so a missing key or a broken ICU message fails the test as in the app.
import type { ReactNode } from "react";
import { createTranslator } from "use-intl/core";
import messages from "@/messages/en.json";

const LOCALE = "en";
type Namespace = keyof typeof messages;

function translator(namespace?: string) {
  return createTranslator({ locale: LOCALE, messages, namespace: namespace as Namespace });
}

export const useTranslations = (namespace?: string) => translator(namespace);
export const getTranslations = async (namespace?: string | { namespace?: string }) =>
  translator(typeof namespace === "string" ? namespace : namespace?.namespace);
export const useLocale = () => LOCALE;
export const getLocale = async () => LOCALE;
export const getMessages = async () => messages;
export function NextIntlClientProvider({ children }: { children?: ReactNode }) {
  return children;
}
