// A stand-in for a server process, for tests/integration/stop-on-signals.test.ts.
// argv[2]: "next" registers a handler like `next start`'s (close, then
// process.exit(143)) before stopOnSignals; "alone" registers only ours.
// argv[3]: how long the stop takes, in ms; "never" for a stop that hangs.
import { stopOnSignals } from "@/lib/notify/stop-on-signals";

const [mode, stopMs] = process.argv.slice(2);
if (mode === "next") {
  process.on("SIGTERM", () => {
    setTimeout(() => {
      console.log("next:exit");
      process.exit(143);
    }, 20);
  });
}
stopOnSignals(async () => {
  console.log("stop:begin");
  await new Promise((resolve) => (stopMs === "never" ? undefined : setTimeout(resolve, Number(stopMs))));
  console.log("stop:done");
}, 500);
// Keeps the process alive, as a listening server would.
setInterval(() => {}, 1000);
console.log("ready");
