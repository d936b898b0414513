// Quiet logs during tests unless asked for (LOG_LEVEL=debug npm test).
process.env.LOG_LEVEL ??= "silent";
