"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { importClients } from "@/lib/actions/clients/import-clients";
import { previewClientImport } from "@/lib/actions/clients/preview-client-import";
import { IMPORT_MAX_BYTES } from "@/lib/validation/choices";
import { plural } from "@/lib/plural";

type Preview = NonNullable<Awaited<ReturnType<typeof previewClientImport>>["data"]>;

const SAMPLE = 'name,company,email,phone,address,notes,sms_opt_in\r\nAda Lovelace,Analytical Engines Ltd,ada@example.com,+44 7400 123456,"12 St James\'s Square, London",Prefers email,yes\r\n';
const SHOWN = 200;

/**
 * Import in two steps: the file is checked row by row and nothing is written;
 * then, after the admin confirms, the valid rows are imported in one
 * transaction and rows with errors are skipped.
 */
export function ClientImport({ area }: { area: string }) {
  const router = useRouter();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string>("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [checking, startCheck] = useTransition();
  const [importing, startImport] = useTransition();
  const [confirmOpen, setConfirmOpen] = useState(false);

  async function choose(file: File | undefined) {
    setPreview(null);
    setError(null);
    setCsv(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > IMPORT_MAX_BYTES) {
      setError("That file is too large: import at most 900 KB at a time, or split it.");
      return;
    }
    const text = await file.text();
    setCsv(text);
    startCheck(async () => {
      const result = await previewClientImport(undefined, { csv: text });
      if (result.ok && result.data) setPreview(result.data);
      else setError(result.formError ?? "That file couldn't be read.");
    });
  }

  function runImport() {
    if (!csv) return;
    startImport(async () => {
      const result = await importClients(undefined, { csv });
      if (!result.ok || !result.data) {
        setConfirmOpen(false);
        setError(result.formError ?? "The import failed. Nothing was written.");
        return;
      }
      const { imported, skipped } = result.data;
      toast({ title: `Imported ${plural(imported, "client")}${skipped ? `; skipped ${skipped} with errors` : ""}`, variant: "success" });
      router.push(`${area}/clients?sort=-created`);
    });
  }

  const rows = preview ? (onlyErrors ? preview.rows.filter((r) => r.errors.length) : preview.rows) : [];

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid gap-2">
        <Label htmlFor="import-file">CSV file</Label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
          aria-describedby="import-file-hint import-currency-hint"
          className="block w-full max-w-md text-sm file:mr-3 file:h-10 file:rounded-md file:border file:border-input file:bg-background file:px-4 file:text-sm file:font-medium hover:file:bg-accent"
        />
        <p id="import-file-hint" className="text-sm text-muted-foreground">
          The first row names the columns: <code>name</code> (required), <code>company</code>, <code>email</code>, <code>phone</code> (as dialled in the business&rsquo;s country, or with its country
          code, like +44 20 7946 0018), <code>address</code>, <code>notes</code> and <code>sms_opt_in</code> (yes or no). An export from the client list imports as it is.{" "}
          <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE)}`} download="clients-sample.csv" className="font-medium text-primary underline-offset-4 hover:underline">
            Download a sample
          </a>
          . Columns may be separated by commas, semicolons or tabs, as your spreadsheet saves them.
        </p>
        <p id="import-currency-hint" className="text-sm text-muted-foreground">
          A <code>currency</code> column sets each client&apos;s billing currency (an ISO 4217 code, like EUR); without one, clients bill in the business&apos;s currency.
        </p>
      </div>
      <FormAlert message={error} />
      {checking && (
        <p role="status" className="text-sm text-muted-foreground">
          Checking {fileName}…
        </p>
      )}
      {preview && (
        <section aria-labelledby="preview-title" className="grid gap-4">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 id="preview-title" className="text-lg font-semibold">
                Preview of {fileName}
              </h2>
              <p className="text-sm text-muted-foreground" role="status">
                {preview.valid} ready to import · {preview.invalid} with errors · nothing has been written yet
              </p>
              {preview.ignored.length > 0 && <p className="text-sm text-muted-foreground">Ignored columns: {preview.ignored.join(", ")}</p>}
            </div>
            <div className="flex flex-wrap items-center gap-3">
              {preview.invalid > 0 && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} className="size-4 accent-primary" />
                  Only rows with errors
                </label>
              )}
              <AlertDialog open={confirmOpen} onOpenChange={(o) => !importing && setConfirmOpen(o)}>
                <AlertDialogTrigger asChild>
                  <Button disabled={preview.valid === 0}>
                    <Icon name="file-up" aria-hidden="true" />
                    Import {plural(preview.valid, "client")}
                  </Button>
                </AlertDialogTrigger>
                <AlertDialogContent>
                  <AlertDialogHeader>
                    <AlertDialogTitle>Import {plural(preview.valid, "client")}?</AlertDialogTitle>
                    <AlertDialogDescription>
                      {preview.invalid > 0 ? `${plural(preview.invalid, "row")} with errors will be skipped. ` : ""}
                      The file is checked once more as it is imported, and every row is written in one go: all valid rows or none.
                    </AlertDialogDescription>
                  </AlertDialogHeader>
                  <AlertDialogFooter>
                    <AlertDialogCancel disabled={importing}>Cancel</AlertDialogCancel>
                    <Button pending={importing} onClick={runImport}>
                      Import now
                    </Button>
                  </AlertDialogFooter>
                </AlertDialogContent>
              </AlertDialog>
            </div>
          </div>
          <Table aria-label="Rows to import">
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">Line</TableHead>
                <TableHead>Name</TableHead>
                <TableHead className="hidden md:table-cell">Email</TableHead>
                <TableHead className="hidden lg:table-cell">Phone</TableHead>
                <TableHead>Check</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.slice(0, SHOWN).map((r) => (
                <TableRow key={r.line} className={r.errors.length ? "bg-destructive/5" : undefined}>
                  <TableCell className="tabular-nums text-muted-foreground">{r.line}</TableCell>
                  <TableCell className="max-w-48 truncate font-medium">{r.values.name || <span className="text-muted-foreground">(empty)</span>}</TableCell>
                  <TableCell className="hidden max-w-56 truncate md:table-cell">{r.values.email}</TableCell>
                  <TableCell className="hidden font-mono text-xs lg:table-cell">{r.values.phone}</TableCell>
                  <TableCell>
                    {r.errors.length === 0 ? (
                      <Badge variant="success">Ready</Badge>
                    ) : (
                      <ul className="grid gap-0.5 text-sm text-destructive">
                        {r.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {rows.length > SHOWN && (
            <p className="text-sm text-muted-foreground">
              Showing the first {SHOWN} of {rows.length} rows.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
