// The cookie that remembers a collapsed sidebar ("collapsed" | "open"): read by the layout, written by the sidebar.
export const SIDEBAR_COOKIE = "tt_sidebar";
