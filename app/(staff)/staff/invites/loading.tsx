import { PageSkeleton } from "@/components/shell/page-skeleton";
import { metadata } from "./page";

// Only segments with no record lookup below them stream behind a skeleton: a
// loading boundary above a lookup would send 200 before notFound() could answer 404.
export default function Loading() {
  return <PageSkeleton metadata={metadata} />;
}
