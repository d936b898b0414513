// The app's version, from package.json, for logs, metrics, Sentry releases and telemetry.
import pkg from "../package.json";

export const APP_VERSION: string = pkg.version;
