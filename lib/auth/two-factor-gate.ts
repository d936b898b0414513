// Applies the organization's two-factor policy to a signed-in page view: once a user's grace period
// is over and they still have no second factor, every signed-in page sends them to enrolment (the
// security page itself stays open; signing out lives at /logout, outside the signed-in layout).
import "server-only";
import { redirect } from "next/navigation";
import { twoFactorRequirement, type TwoFactorRequirement } from "@/lib/services/two-factor-admin";
import type { SessionUser } from "./session";

export const ENROLMENT_PATH = "/profile/security";

export async function enforceTwoFactorPolicy(user: SessionUser, pathname: string): Promise<TwoFactorRequirement> {
  const req = await twoFactorRequirement(user);
  if (req.overdue && pathname !== ENROLMENT_PATH) redirect(`${ENROLMENT_PATH}?required=1`);
  return req;
}
