import { isIsoDate, readWholeNumber } from "./fields";

// The audit log's filters, read from the URL: anything unreadable is dropped, never guessed.

export type AuditParams = {
  actor?: number;
  action?: string;
  entityType?: string;
  entityId?: number;
  /** Calendar dates, inclusive, in `timeZone` (the viewer's; UTC when absent). */
  from?: string;
  to?: string;
  timeZone?: string;
  before?: number;
};

type RawParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const positive = (v: string | undefined) => {
  const n = readWholeNumber(v);
  return n && n > 0 ? n : undefined;
};
const isoDate = (v: string | undefined) => (isIsoDate(v) ? v : undefined);

export function parseAuditParams(params: RawParams): AuditParams {
  return {
    actor: positive(one(params.actor)),
    action: one(params.action)?.slice(0, 60),
    entityType: one(params.entity)?.slice(0, 30),
    entityId: positive(one(params.entityId)),
    from: isoDate(one(params.from)),
    to: isoDate(one(params.to)),
    before: positive(one(params.before)),
  };
}
