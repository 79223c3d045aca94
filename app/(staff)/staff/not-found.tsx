import { NotFoundView } from "@/components/shell/not-found-view";

export default function StaffNotFound() {
  return <NotFoundView home="/staff" homeLabel="Back to the dashboard" />;
}
