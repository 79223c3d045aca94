import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-primary">404</p>
        <h1 data-stand-in="" className="mt-2 text-2xl font-semibold">
          We couldn&apos;t find that page
        </h1>
        <p className="mt-2 text-muted-foreground">It may have moved, or you may not have access to it.</p>
        <Button asChild className="mt-6">
          <Link href="/">Go to your home page</Link>
        </Button>
      </div>
    </main>
  );
}
