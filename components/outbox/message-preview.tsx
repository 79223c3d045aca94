import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { smsSegments } from "@/emails/sms";

/**
 * What the recipient sees. The HTML sits in an iframe with an empty sandbox:
 * no scripts, forms, plugins or navigation, and an origin of its own, so a
 * message can't reach into the admin page around it.
 */
export function EmailPreview({ html, text }: { html: string | null; text: string }) {
  return (
    <Tabs defaultValue={html ? "html" : "text"}>
      <TabsList>
        {html && <TabsTrigger value="html">Rendered</TabsTrigger>}
        <TabsTrigger value="text">Plain text</TabsTrigger>
      </TabsList>
      {html && (
        <TabsContent value="html">
          <iframe title="Rendered email" sandbox="" srcDoc={html} referrerPolicy="no-referrer" className="h-[70vh] max-h-[720px] min-h-96 w-full rounded-md border bg-white" />
        </TabsContent>
      )}
      <TabsContent value="text">
        <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded-md border bg-muted/40 p-4 font-mono text-sm">{text}</pre>
      </TabsContent>
    </Tabs>
  );
}

export function SmsPreview({ text }: { text: string }) {
  const { length, encoding, segments } = smsSegments(text);
  return (
    <figure className="grid gap-2">
      <blockquote className="max-w-sm whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-muted px-4 py-3 text-sm">{text}</blockquote>
      <figcaption className="text-xs text-muted-foreground">
        {length} characters, {encoding}, {segments} segment{segments === 1 ? "" : "s"}
      </figcaption>
    </figure>
  );
}
