// Runs first in every e2e test file (jest's `setupFiles`), before any module
// reads its settings. `npm test` starts one app server per jest worker, each
// with its own database and test clock, and hands them over in E2E_SERVERS;
// this points the worker's tests, and whatever they spawn (a second app, a
// script), at the server that belongs to this worker. The files one worker
// runs go one after another against one server, as they would in band.
type E2eServer = { baseUrl: string; databaseUrl: string; clockFile: string };

const servers = process.env.E2E_SERVERS ? (JSON.parse(process.env.E2E_SERVERS) as E2eServer[]) : [];
if (servers.length) {
  const worker = Number(process.env.JEST_WORKER_ID ?? "1");
  const server = servers[worker - 1];
  if (!server) throw new Error(`jest worker ${worker} has no app server: E2E_SERVERS names ${servers.length}. Run the e2e tests with --maxWorkers=${servers.length} or fewer.`);
  process.env.E2E_BASE_URL = server.baseUrl;
  process.env.DATABASE_URL = server.databaseUrl;
  process.env.TEST_CLOCK_FILE = server.clockFile;
}
