import { NotFoundView } from "@/components/shell/not-found-view";

/** Inside the portal shell: a missing record, or one that isn't this client's, looks the same. */
export default function PortalNotFound() {
  return <NotFoundView home="/portal" homeLabel="Back to your overview" />;
}
