import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { smsSegments } from "@/emails/sms";
import { maskPlaceholders } from "@/lib/notify/placeholders";
import { SecretText } from "./secret-text";
import { plural } from "@/lib/plural";

/**
 * What the recipient sees. The HTML sits in an iframe with an empty sandbox:
 * no scripts, forms, plugins or navigation, and an origin of its own, so a
 * message can't reach into the admin page around it. With a `mask` label,
 * codes and links are hidden: as dots in the HTML, marked up in the text.
 */
export function EmailPreview({ html, text, mask }: { html: string | null; text: string; mask: string | null }) {
  return (
    <Tabs defaultValue={html ? "html" : "text"}>
      <TabsList>
        {html && <TabsTrigger value="html">Rendered</TabsTrigger>}
        <TabsTrigger value="text">Plain text</TabsTrigger>
      </TabsList>
      {html && (
        <TabsContent value="html">
          <iframe
            title="Rendered email"
            sandbox=""
            srcDoc={mask ? maskPlaceholders(html, "••••••") : html}
            referrerPolicy="no-referrer"
            className="h-[70vh] max-h-[720px] min-h-96 w-full rounded-md border bg-white"
          />
        </TabsContent>
      )}
      <TabsContent value="text">
        <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded-md border bg-muted/40 p-4 font-mono text-sm">
          <SecretText text={text} mask={mask} />
        </pre>
      </TabsContent>
    </Tabs>
  );
}

export function SmsPreview({ text, mask }: { text: string; mask: string | null }) {
  // Hidden parts can't be counted, so a masked text gives its length without them.
  const { length, encoding, segments } = smsSegments(mask ? maskPlaceholders(text, "") : text);
  return (
    <figure className="grid gap-2">
      <blockquote className="max-w-sm whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-muted px-4 py-3 text-sm">
        <SecretText text={text} mask={mask} />
      </blockquote>
      <figcaption className="text-xs text-muted-foreground">
        {mask ? `${length} characters besides the hidden parts, ${encoding}` : `${length} characters, ${encoding}, ${plural(segments, "segment")}`}
      </figcaption>
    </figure>
  );
}
