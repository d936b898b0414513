// Quiet logs during tests unless asked for (LOG_LEVEL=debug npm test).
process.env.LOG_LEVEL ??= "silent";
// Cheap password hashes (scrypt N = 2^10 instead of 2^15): honoured only under NODE_ENV=test, which
// Jest sets; lib/auth/password.test.ts proves production hashes at the full cost.
process.env.TEST_PASSWORD_HASH_LOG_N ??= "10";
