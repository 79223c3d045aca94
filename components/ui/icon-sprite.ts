import "server-only";
import type { LucideIconData, LucideIconNode } from "lucide-react";
import * as alarmClockIcon from "lucide-react/icons/alarm-clock";
import * as archiveIcon from "lucide-react/icons/archive";
import * as archiveArrowUpIcon from "lucide-react/icons/archive-arrow-up";
import * as arrowLeftIcon from "lucide-react/icons/arrow-left";
import * as arrowRightIcon from "lucide-react/icons/arrow-right";
import * as banIcon from "lucide-react/icons/ban";
import * as banknoteIcon from "lucide-react/icons/banknote";
import * as bellIcon from "lucide-react/icons/bell";
import * as bellOffIcon from "lucide-react/icons/bell-off";
import * as bellRingIcon from "lucide-react/icons/bell-ring";
import * as checkIcon from "lucide-react/icons/check";
import * as chevronDownIcon from "lucide-react/icons/chevron-down";
import * as chevronLeftIcon from "lucide-react/icons/chevron-left";
import * as chevronRightIcon from "lucide-react/icons/chevron-right";
import * as chevronsUpDownIcon from "lucide-react/icons/chevrons-up-down";
import * as circleIcon from "lucide-react/icons/circle";
import * as circleCheckIcon from "lucide-react/icons/circle-check";
import * as circleExclamationPointIcon from "lucide-react/icons/circle-exclamation-point";
import * as clipboardListIcon from "lucide-react/icons/clipboard-list";
import * as clockIcon from "lucide-react/icons/clock";
import * as copyIcon from "lucide-react/icons/copy";
import * as creditCardIcon from "lucide-react/icons/credit-card";
import * as downloadIcon from "lucide-react/icons/download";
import * as externalLinkIcon from "lucide-react/icons/external-link";
import * as filePlusIcon from "lucide-react/icons/file-plus";
import * as fileQuestionMarkIcon from "lucide-react/icons/file-question-mark";
import * as fileTextIcon from "lucide-react/icons/file-text";
import * as fileUpIcon from "lucide-react/icons/file-up";
import * as flaskConicalIcon from "lucide-react/icons/flask-conical";
import * as inboxIcon from "lucide-react/icons/inbox";
import * as keyRoundIcon from "lucide-react/icons/key-round";
import * as landmarkIcon from "lucide-react/icons/landmark";
import * as layoutDashboardIcon from "lucide-react/icons/layout-dashboard";
import * as linkIcon from "lucide-react/icons/link";
import * as link2Icon from "lucide-react/icons/link-2";
import * as loaderCircleIcon from "lucide-react/icons/loader-circle";
import * as lockKeyholeIcon from "lucide-react/icons/lock-keyhole";
import * as logOutIcon from "lucide-react/icons/log-out";
import * as mailIcon from "lucide-react/icons/mail";
import * as mailCheckIcon from "lucide-react/icons/mail-check";
import * as mailPlusIcon from "lucide-react/icons/mail-plus";
import * as menuIcon from "lucide-react/icons/menu";
import * as messageSquareIcon from "lucide-react/icons/message-square";
import * as messageSquareLockIcon from "lucide-react/icons/message-square-lock";
import * as moonIcon from "lucide-react/icons/moon";
import * as packageIcon from "lucide-react/icons/package";
import * as paperclipIcon from "lucide-react/icons/paperclip";
import * as pencilIcon from "lucide-react/icons/pencil";
import * as plusIcon from "lucide-react/icons/plus";
import * as refreshCwIcon from "lucide-react/icons/refresh-cw";
import * as repeatIcon from "lucide-react/icons/repeat";
import * as rotateCcwIcon from "lucide-react/icons/rotate-ccw";
import * as rotateCcwClockIcon from "lucide-react/icons/rotate-ccw-clock";
import * as searchIcon from "lucide-react/icons/search";
import * as sendIcon from "lucide-react/icons/send";
import * as settingsIcon from "lucide-react/icons/settings";
import * as shieldCheckIcon from "lucide-react/icons/shield-check";
import * as shieldOffIcon from "lucide-react/icons/shield-off";
import * as sunIcon from "lucide-react/icons/sun";
import * as trashIcon from "lucide-react/icons/trash";
import * as triangleExclamationPointIcon from "lucide-react/icons/triangle-exclamation-point";
import * as uploadIcon from "lucide-react/icons/upload";
import * as userIcon from "lucide-react/icons/user";
import * as userPlusIcon from "lucide-react/icons/user-plus";
import * as usersIcon from "lucide-react/icons/users";
import * as walletIcon from "lucide-react/icons/wallet";
import * as xIcon from "lucide-react/icons/x";

// Every icon a page draws through <Icon> (components/ui/icon.tsx), by lucide's
// name. app/icons.svg/route.ts writes them into one SVG sprite at build time, so
// a page carries one <use> per icon instead of its paths, and no icon is a client
// component. An icon missing here is a type error where it is used.
const icons = {
  "alarm-clock": alarmClockIcon,
  archive: archiveIcon,
  "archive-arrow-up": archiveArrowUpIcon,
  "arrow-left": arrowLeftIcon,
  "arrow-right": arrowRightIcon,
  ban: banIcon,
  banknote: banknoteIcon,
  bell: bellIcon,
  "bell-off": bellOffIcon,
  "bell-ring": bellRingIcon,
  check: checkIcon,
  "chevron-down": chevronDownIcon,
  "chevron-left": chevronLeftIcon,
  "chevron-right": chevronRightIcon,
  "chevrons-up-down": chevronsUpDownIcon,
  circle: circleIcon,
  "circle-check": circleCheckIcon,
  "circle-exclamation-point": circleExclamationPointIcon,
  "clipboard-list": clipboardListIcon,
  clock: clockIcon,
  copy: copyIcon,
  "credit-card": creditCardIcon,
  download: downloadIcon,
  "external-link": externalLinkIcon,
  "file-plus": filePlusIcon,
  "file-question-mark": fileQuestionMarkIcon,
  "file-text": fileTextIcon,
  "file-up": fileUpIcon,
  "flask-conical": flaskConicalIcon,
  inbox: inboxIcon,
  "key-round": keyRoundIcon,
  landmark: landmarkIcon,
  "layout-dashboard": layoutDashboardIcon,
  link: linkIcon,
  "link-2": link2Icon,
  "loader-circle": loaderCircleIcon,
  "lock-keyhole": lockKeyholeIcon,
  "log-out": logOutIcon,
  mail: mailIcon,
  "mail-check": mailCheckIcon,
  "mail-plus": mailPlusIcon,
  menu: menuIcon,
  "message-square": messageSquareIcon,
  "message-square-lock": messageSquareLockIcon,
  moon: moonIcon,
  package: packageIcon,
  paperclip: paperclipIcon,
  pencil: pencilIcon,
  plus: plusIcon,
  "refresh-cw": refreshCwIcon,
  repeat: repeatIcon,
  "rotate-ccw": rotateCcwIcon,
  "rotate-ccw-clock": rotateCcwClockIcon,
  search: searchIcon,
  send: sendIcon,
  settings: settingsIcon,
  "shield-check": shieldCheckIcon,
  "shield-off": shieldOffIcon,
  sun: sunIcon,
  trash: trashIcon,
  "triangle-exclamation-point": triangleExclamationPointIcon,
  upload: uploadIcon,
  user: userIcon,
  "user-plus": userPlusIcon,
  users: usersIcon,
  wallet: walletIcon,
  x: xIcon,
};

export type IconName = keyof typeof icons;

// lucide-react exports each icon's drawing as `__iconData` beside the component; its types name only the
// component. An alias's module (history, say) re-exports the component alone: name the icon by lucide's own name.
function drawingOf(name: string, module: object): LucideIconData {
  const drawing = (module as { __iconData?: LucideIconData }).__iconData;
  if (!drawing) throw new Error(`lucide-react/icons/${name} has no drawing of its own: it is an alias, so import the icon it names.`);
  return drawing;
}

const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
// lucide's attributes are React's (strokeWidth); SVG's are kebab-case.
const attribute = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function element([tag, attributes, children]: LucideIconNode): string {
  const attrs = Object.entries(attributes)
    .filter(([name]) => name !== "key")
    .map(([name, value]) => ` ${attribute(name)}="${escape(String(value))}"`)
    .join("");
  return children?.length ? `<${tag}${attrs}>${children.map(element).join("")}</${tag}>` : `<${tag}${attrs}/>`;
}

/** The sprite: one <symbol> per icon, with lucide's own stroke (2 px, round, in the text's colour). */
export function iconSprite(): string {
  const symbols = Object.entries(icons).map(([name, module]) => {
    const { size, width = size ?? 24, height = size ?? 24, node } = drawingOf(name, module);
    return `<symbol id="${name}" viewBox="0 0 ${width} ${height}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${node.map(element).join("")}</symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join("")}</svg>`;
}
