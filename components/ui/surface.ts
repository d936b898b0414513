// The shared look of floating surfaces (dialogs, popovers, menus) in light and dark mode.
export const SURFACE =
  "rounded-lg border border-slate-200 bg-white text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
