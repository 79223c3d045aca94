import type { ReactNode } from "react";
import { renderToReadableStream } from "react-dom/server";

type PageProps = { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string | string[]>> };
type PageModule = { default: (props: PageProps) => Promise<ReactNode> };

/**
 * Renders an App Router page module as the server would, its streamed parts
 * behind Suspense included: the HTML (React's text separators left out), or
 * where it redirects. A redirect before the shell is sent rejects the render;
 * one from a list streamed behind Suspense reaches React's onError. Any other
 * error fails the test.
 */
export async function renderPage(
  load: () => Promise<unknown>,
  searchParams: Record<string, string | string[]> = {},
  params: Record<string, string> = {},
): Promise<{ redirect: string | null; html: string }> {
  const { default: Page } = (await load()) as PageModule;
  const errors: unknown[] = [];
  let html = "";
  try {
    const tree = await Page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });
    const stream = await renderToReadableStream(tree, { onError: (error) => void errors.push(error) });
    await stream.allReady;
    html = (await new Response(stream).text()).replace(/<!-- -->/g, "");
  } catch (error) {
    if (!errors.includes(error)) errors.push(error);
  }
  const digests = errors.map((e) => (e as { digest?: string }).digest ?? String(e));
  const other = digests.filter((d) => !d.startsWith("NEXT_REDIRECT;"));
  if (other.length) throw new Error(`The page failed: ${other.join("\n")}`);
  return { redirect: digests[0]?.split(";")[2] ?? null, html };
}
