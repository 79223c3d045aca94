import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Inside the portal shell: a missing record, or one that isn't this client's, looks the same. */
export default function PortalNotFound() {
  return (
    <EmptyState
      icon={<FileQuestion />}
      title="We couldn't find that"
      description="It may have been removed, or the link may be wrong."
      action={
        <Link href="/portal" className={buttonVariants({ variant: "outline" })}>
          Back to your overview
        </Link>
      }
    />
  );
}
