"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";

/** A new private link, shown once to copy (it isn't stored). Loaded by link-actions.tsx when the link is made; closing it ends it. */
export function NewLinkDialog({ url, onClose }: { url: string; onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>A new private link</DialogTitle>
          <DialogDescription>Older links no longer work. Copy this one now: for safety it isn&apos;t stored and can&apos;t be shown again.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor="new-link">Link</Label>
          <Input id="new-link" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </div>
        <DialogFooter>
          <Button
            onClick={async () => {
              await navigator.clipboard?.writeText(url).catch(() => undefined);
              toast({ title: "Link copied", variant: "success" });
            }}
          >
            <Icon name="copy" aria-hidden="true" />
            Copy link
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
