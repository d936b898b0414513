// Money: exact amounts in whole minor units, per-currency digits, named rounding rules, taxes per rate.
export * from "./amount";
export * from "./currency";
export * from "./exchange";
export * from "./rounding";
export * from "./totals";
