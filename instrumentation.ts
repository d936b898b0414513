// Server start-up (Node runtime only): configuration check, logging, migrations, shutdown hooks.
// Next awaits register() before serving the first request, so a bad start never serves anything.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/startup");
  await startServer();
}
