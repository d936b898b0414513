// Rendered (with HTTP 403, inside the app shell) when an admin page calls forbidden() for a non-admin.
import { Forbidden } from "@/components/admin/forbidden";

export default function AdminForbidden() {
  return <Forbidden />;
}
