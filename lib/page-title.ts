/** The app's name in the browser's tab, and the template every page's title goes through (app/layout.tsx's metadata). */
export const APP_NAME = "ClientDesk";
export const TITLE_TEMPLATE = `%s · ${APP_NAME}`;

/** A page's title as the tab shows it: what the layout's template makes of the page's own. */
export function documentTitle(title: string): string {
  return TITLE_TEMPLATE.replace("%s", title);
}
