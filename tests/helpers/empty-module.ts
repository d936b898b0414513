// Stands in for `server-only` under Jest, which does not use the react-server export condition.
export {};
