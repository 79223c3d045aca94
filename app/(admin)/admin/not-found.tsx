import { NotFoundView } from "@/components/shell/not-found-view";

export default function AdminNotFound() {
  return <NotFoundView home="/admin" homeLabel="Back to the dashboard" />;
}
