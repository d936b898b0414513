// Jest globalSetup: one migrated template database for the whole run (tests/helpers/template-db.ts).
import { globalSetup } from "./template-db";

export default globalSetup;
