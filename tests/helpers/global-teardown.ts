// Jest globalTeardown: removes the template database globalSetup made.
import { globalTeardown } from "./template-db";

export default globalTeardown;
