import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listOwnSessions } from "@/db/queries/sessions";
import { RelativeTime } from "@/components/time/viewer-time";
import { describeUserAgent } from "@/lib/user-agent";
import { SignOutDeviceButton, SignOutEverywhereButton } from "./session-buttons";

/** Where the person is signed in, with a way to end any one session or all of them. */
export async function SessionsCard({ userId, currentSessionId }: { userId: number; currentSessionId: number }) {
  const sessions = await listOwnSessions(userId);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Where you&apos;re signed in</CardTitle>
        <CardDescription>A session ends after 7 days without use. Signing a device out takes effect at once, even if someone copied its cookie.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <ul className="divide-y rounded-md border" aria-label="Signed-in devices">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {describeUserAgent(s.userAgent)}
                  {s.id === currentSessionId && <Badge variant="secondary">This browser</Badge>}
                </p>
                <p className="text-sm text-muted-foreground">
                  {s.ip ?? "Unknown address"} · signed in <RelativeTime value={s.createdAt} /> · last active <RelativeTime value={s.lastSeenAt} />
                </p>
              </div>
              {s.id !== currentSessionId && <SignOutDeviceButton sessionId={s.id} label={describeUserAgent(s.userAgent)} />}
            </li>
          ))}
        </ul>
        <div>
          <SignOutEverywhereButton count={sessions.length} />
        </div>
      </CardContent>
    </Card>
  );
}
