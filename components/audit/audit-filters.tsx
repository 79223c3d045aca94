import Form from "next/form";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { IntentLink } from "@/components/ui/intent-link";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { AuditParams } from "@/lib/validation/audit";
import { actionLabel, auditActions, auditEntityTypes } from "./action-labels";

type Actor = { id: number; name: string; role: string };

/** The audit filters as a GET form, so every view is a shareable URL. */
export function AuditFilters({ params, actors }: { params: AuditParams; actors: Actor[] }) {
  const filtered = Boolean(params.actor || params.action || params.entityType || params.entityId || params.from || params.to);
  return (
    <Form action="/admin/audit" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor="audit-actor">Who</Label>
        <Select id="audit-actor" name="actor" defaultValue={params.actor ? String(params.actor) : ""}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.role})
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-action">Did what</Label>
        <Select id="audit-action" name="action" defaultValue={params.action ?? ""}>
          <option value="">Any action</option>
          {auditActions.map((a) => (
            <option key={a} value={a}>
              {a.endsWith(".") ? `Any ${a.slice(0, -1).replace("_", " ")} action` : actionLabel(a)}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-entity">Record type</Label>
        <Select id="audit-entity" name="entity" defaultValue={params.entityType ?? ""}>
          <option value="">Any record</option>
          {auditEntityTypes.map((t) => (
            <option key={t} value={t}>
              {t.replace("_", " ")}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-entity-id">Record id</Label>
        <Input id="audit-entity-id" name="entityId" inputMode="numeric" pattern="[0-9]*" defaultValue={params.entityId ?? ""} />
      </div>
      <div className="grid gap-2 sm:grid-cols-2 lg:col-span-2">
        <div className="grid gap-1.5">
          <Label htmlFor="audit-from">From</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={params.from ?? ""} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-to">To</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={params.to ?? ""} />
        </div>
      </div>
      {/* The same buttons as the other lists' filters: Apply (secondary) and, once something is filtered, Clear. */}
      <div className="flex w-full gap-2 sm:col-span-2 sm:w-auto lg:col-span-6">
        <Button type="submit" variant="secondary" className="flex-1 sm:flex-none">
          Apply
        </Button>
        {filtered && (
          <IntentLink href="/admin/audit" className={buttonVariants({ variant: "ghost", className: "flex-1 sm:flex-none" })}>
            Clear
          </IntentLink>
        )}
      </div>
    </Form>
  );
}
