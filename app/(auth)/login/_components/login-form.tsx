"use client";
// Username-or-email + password form. Errors are announced; the typed login stays in the field.
import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { loginErrorMessage } from "@/lib/auth/login-messages";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(loginErrorMessage(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError("");
    try {
      const res = await signIn("credentials", {
        login: String(form.get("login") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (res?.ok && !res.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(loginErrorMessage(res?.error ?? "UNKNOWN"));
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby="signin-error">
      <TextField label="Username or email" name="login" required autoComplete="username" autoFocus />
      <TextField label="Password" name="password" type="password" required autoComplete="current-password" />
      <p
        id="signin-error"
        role="alert"
        aria-live="assertive"
        className="min-h-5 text-sm text-red-700 dark:text-red-400"
      >
        {error}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
