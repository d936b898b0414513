"use client";
// The one toast outlet (sonner), mounted once in the root layout: confirmations with Undo
// (deleted entries) and short outcomes. Follows the page's theme attribute.
import { Toaster as Sonner } from "sonner";

export function Toaster() {
  return <Sonner position="bottom-center" closeButton richColors theme="system" toastOptions={{ duration: 8000 }} />;
}
