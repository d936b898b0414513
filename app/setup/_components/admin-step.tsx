// Step 2: the first administrator's account.
import { Field } from "@/components/ui/field";

export function AdminStep({
  values,
  errors,
  passwordRule,
}: {
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  passwordRule: string;
}) {
  return (
    <>
      <Field
        label="Username"
        name="username"
        required
        autoComplete="username"
        defaultValue={values.username}
        errors={errors?.username}
        autoFocus
      />
      <Field
        label="Email"
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={values.email}
        errors={errors?.email}
      />
      <Field
        label="Full name (optional)"
        name="fullName"
        autoComplete="name"
        defaultValue={values.fullName}
        errors={errors?.fullName}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        defaultValue={values.password}
        hint={`Use ${passwordRule}.`}
        errors={errors?.password}
      />
      <Field
        label="Repeat password"
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        defaultValue={values.confirmPassword}
        errors={errors?.confirmPassword}
      />
    </>
  );
}
