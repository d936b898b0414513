// The application's version (package.json) and commit (GIT_COMMIT), for build_info, Sentry releases
// and telemetry. One source of truth: bump package.json.
import pkg from "@/package.json";

export const APP_VERSION: string = pkg.version;
