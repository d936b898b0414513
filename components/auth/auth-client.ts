// next-auth's browser helpers, loaded when they are called instead of with the page: next-auth/react
// is ~10 kB gzip of Babel-compiled code that a sign-in or sign-out form needs only on submit
// (docs/development.md, "Bundle budget").
type NextAuthReact = typeof import("next-auth/react");

export async function signIn(...args: Parameters<NextAuthReact["signIn"]>) {
  const { signIn: run } = await import("next-auth/react");
  return run(...args);
}

export async function signOut(...args: Parameters<NextAuthReact["signOut"]>) {
  const { signOut: run } = await import("next-auth/react");
  return run(...args);
}
