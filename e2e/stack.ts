// Starts one whole Watchword stack for the browser tests, as `./watchword dev` does (the devstack jar: the four
// services, an in-JVM Kafka and the mail sink), on a fresh PostgreSQL database and ports of its own, and a
// static server for the examples on another origin, like a client app's site.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '..');
const VERSION = '0.1.0-SNAPSHOT';
const PORT_VARIABLES = ['GATEWAY', 'COMMAND', 'QUERY', 'NOTIFICATION', 'KAFKA', 'SMTP', 'MAIL_UI']
  .map((name) => `WATCHWORD_DEV_${name}_PORT`);
/** Only these trees are served: the examples and the packages' builds, never the repository's secrets. */
const SERVED = ['/examples/web/', '/examples/react/dist/', '/packages/client/dist/'];
/** The paths of Watchword's emailed links on an app's link base URL: the site routes them to the web example. */
const LINK_PAGES = ['/verify-email', '/reset-password', '/magic-link', '/confirm-email-change'];
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json',
};

export interface Stack {
  api: string;
  inbox: string;
  site: string;
  /** The bootstrap admin's address: the platform operator, once it confirmed it. */
  operator: string;
}

const OPERATOR = 'operator@watchword-e2e.example.com';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: Stack;
  }
}

function psql(sql: string): void {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', sql], { stdio: 'pipe' });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

async function serveStatic(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const link = LINK_PAGES.find((page) => path === page || path === `${page}/`);
    if (link) {
      // Like a single-page app's routing. A redirect without a fragment keeps the link's (#token=...), which
      // never reaches this server (RFC 9110 section 10.2.2).
      response.writeHead(302, { Location: `/examples/web/index.html?flow=${link.slice(1)}` }).end();
      return;
    }
    if (!SERVED.some((prefix) => path.startsWith(prefix))) {
      response.writeHead(404).end('not served');
      return;
    }
    const file = join(ROOT, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then((body) => {
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store' });
      response.end(body);
    }, () => response.writeHead(404).end('not found'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

export default async function setup(project: TestProject) {
  for (const module of ['command-service', 'query-service', 'notification-service', 'gateway', 'devstack']) {
    const jar = join(ROOT, module, 'target', `${module}-${VERSION}.jar`);
    if (!existsSync(jar)) throw new Error(`${jar} is missing: build first (./mvnw -DskipTests package)`);
  }
  if (!existsSync(join(ROOT, 'packages/client/dist/index.js'))) {
    throw new Error('packages/client/dist is missing: npm run build first');
  }
  const database = `watchword_browser_${Math.random().toString(36).slice(2, 12)}`;
  psql(`CREATE DATABASE ${database}`);
  const site = await serveStatic();
  // localhost like the API, so that the site and Watchword are one site (ports apart) as cookie mode needs.
  const siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
  const state = join(ROOT, 'e2e', 'target', database);
  mkdirSync(state, { recursive: true });

  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const ours = /^(WATCHWORD_|SPRING_|MANAGEMENT_|SERVER_)/.test(name)
      || ['DATABASE_URL', 'KAFKA_BOOTSTRAP_SERVERS', 'COMMAND_SERVICE_URL', 'QUERY_SERVICE_URL'].includes(name);
    if (!ours && value !== undefined) environment[name] = value;
  }
  for (const name of PORT_VARIABLES) environment[name] = String(await freePort());
  Object.assign(environment, {
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    WATCHWORD_DEV_STATE_DIR: state,
    // No background training of the AOT cache: the browser tests' stack does not live long enough to use it.
    WATCHWORD_DEV_AOT_CACHE: 'false',
    // The example site is the default app's browser origin.
    WATCHWORD_CORS_ALLOWEDORIGINS: siteOrigin,
    WATCHWORD_BOOTSTRAP_ADMIN_EMAIL: OPERATOR,
  });

  const java = process.env['JAVA_HOME'] ? join(process.env['JAVA_HOME'], 'bin', 'java') : 'java';
  // The Unsafe flag quiets JDK 24+ about Kafka's memory access; older JDKs ignore it instead of refusing to start.
  const child: ChildProcess = spawn(java, ['-XX:+IgnoreUnrecognizedVMOptions', '--sun-misc-unsafe-memory-access=allow',
    '-jar', join(ROOT, 'devstack', 'target', `devstack-${VERSION}.jar`)], { cwd: ROOT, env: environment });
  const log = createWriteStream(join(state, 'devstack.out'));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 30_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    site.closeAllConnections();
    await new Promise<void>((done) => site.close(() => done()));
    try {
      psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } catch {
      // A database left behind is named for the run; nothing else depends on it.
    }
  };

  try {
    const ready = await new Promise<{ api: string; inbox: string }>((done, failed) => {
      let output = '';
      const timer = setTimeout(() => failed(new Error(`the stack was not ready in 300 s; see ${state}`)), 300_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Watchword is ready: API (\S+)\s+inbox (\S+)/.exec(output);
        if (match?.[1] && match[2]) {
          clearTimeout(timer);
          done({ api: match[1], inbox: match[2] });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        failed(new Error(`the stack exited (${code}) before it was ready; see ${state}/devstack.out`));
      });
    });
    project.provide('stack', { ...ready, site: siteOrigin, operator: OPERATOR });
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
