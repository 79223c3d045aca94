// Jest runs CommonJS without vm modules, so the `await import("react-dom/server")`
// inside @react-email/render's render() throws there. This stand-in does what
// that render() does with a plain require: React's static renderer, the same
// XHTML doctype, and the package's own plain-text conversion. Outside Jest
// (the app, the worker, the preview script) the real render() runs.
import type { Options } from "@react-email/render";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const actual = jest.requireActual<typeof import("@react-email/render")>("@react-email/render");

const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

async function render(node: ReactNode, options?: Options): Promise<string> {
  const html = renderToStaticMarkup(node);
  if (options?.plainText) return actual.toPlainText(html, options.htmlToTextOptions);
  return `${DOCTYPE}${html.replace(/<!DOCTYPE.*?>/, "")}`;
}

export const reactEmailRenderMock = { ...actual, render };
