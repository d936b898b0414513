// Every outcome the sign-in can report has its own sentence in the catalog, an unknown code gets the
// general one, and "no code" says nothing.
import messages from "@/messages/en.json";
import { LOGIN_ERROR_CODES, loginErrorKey } from "./login-messages";

const catalog: Record<string, string> = messages.LoginErrors;

test("each known code maps to its own message", () => {
  for (const code of LOGIN_ERROR_CODES) {
    expect(loginErrorKey(code)).toBe(code);
    expect(catalog[code]).toMatch(/\w/);
  }
  expect(catalog[loginErrorKey("INVALID")!]).toBe("Wrong username/email or password.");
});

test("an unknown code gets the general message; no code, none", () => {
  expect(loginErrorKey("SomethingNew")).toBe("fallback");
  expect(catalog.fallback).toBe("Sign-in failed. Please try again.");
  expect(loginErrorKey("")).toBeNull();
  expect(loginErrorKey(undefined)).toBeNull();
});
