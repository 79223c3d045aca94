import { Zip, ZipPassThrough } from "fflate";

export type ZipFile = { name: string; data: Uint8Array };

/**
 * A ZIP archive as a byte stream, written as each file arrives: entries are
 * stored, not deflated (PDFs are compressed already), names are UTF-8 (and marked so). The
 * next file is asked for only when the reader wants more bytes, so memory
 * holds about one file, a slow reader slows the source, and a reader that
 * goes away (cancel) stops it: nothing more is asked for.
 */
export function zipStream(files: AsyncIterable<ZipFile>): ReadableStream<Uint8Array> {
  const source = files[Symbol.asyncIterator]();
  let zip: Zip;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const next = await source.next();
      if (cancelled) return;
      if (next.done) return zip.end();
      const entry = new ZipPassThrough(next.value.name);
      // Made on Unix, mode 0644: Info-ZIP's unzip (Linux) then reads the UTF-8 name as it is,
      // where a DOS-made entry's name is read as a code page 437 one ("Fa+�ade" for "Façade").
      entry.os = 3;
      entry.attrs = (0o100644 << 16) >>> 0;
      zip.add(entry);
      entry.push(next.value.data, true);
    },
    async cancel() {
      cancelled = true;
      zip.terminate();
      await source.return?.();
    },
  });
}
