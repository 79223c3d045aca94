import { IntentLink } from "@/components/ui/intent-link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** `value` as a list: one figure per line, for amounts in several currencies that must not be added. */
type StatCardProps = { label: string; value: string | string[]; detail?: string; href?: string; tone?: "default" | "warning" | "destructive" };

const toneClass = { default: "", warning: "text-warning", destructive: "text-destructive" };

export function StatCard({ label, value, detail, href, tone = "default" }: StatCardProps) {
  const body = (
    <Card className="h-full transition-colors group-hover:border-primary/40">
      <CardHeader className="pb-2">
        <CardTitle asChild>
          <h2 className="text-sm font-medium text-muted-foreground">{label}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {(Array.isArray(value) ? value : [value]).map((line) => (
          <p key={line} className={`text-2xl font-semibold tabular-nums ${toneClass[tone]}`}>
            {line}
          </p>
        ))}
        {detail && <p className="mt-1 text-xs text-muted-foreground">{detail}</p>}
      </CardContent>
    </Card>
  );
  return href ? (
    <IntentLink href={href} className="group block rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
      {body}
    </IntentLink>
  ) : (
    body
  );
}
