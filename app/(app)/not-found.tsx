// 404 for notFound() in a signed-in page: rendered inside the shell (sidebar and timer stay).
import { NotFoundContent } from "@/components/shell/not-found-content";

export default function NotFound() {
  return <NotFoundContent />;
}
