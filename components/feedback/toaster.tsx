"use client";
// The one toast outlet (sonner), mounted once in the root layout: confirmations with Undo
// (deleted entries) and short outcomes. Follows the page's theme attribute.
import { useTranslations } from "next-intl";
import { Toaster as Sonner } from "sonner";

export function Toaster() {
  const t = useTranslations("Toaster");
  return (
    <Sonner
      position="bottom-center"
      closeButton
      richColors
      theme="system"
      containerAriaLabel={t("region")}
      toastOptions={{ duration: 8000, closeButtonAriaLabel: t("close") }}
    />
  );
}
