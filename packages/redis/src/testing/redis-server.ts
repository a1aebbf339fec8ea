import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';

/** A `redis-server` of the test's own on 127.0.0.1, holding nothing on disk. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Ends it as a crash would (SIGKILL); resolves once the process is gone. */
  kill(): Promise<void>;
  /** Shuts it down (SIGTERM); resolves once the process is gone. */
  stop(): Promise<void>;
}

export interface StartRedisServerOptions {
  /** A port to listen on, e.g. to restart a server that was killed; a free one unless set. */
  port?: number;
  /** How long to wait for it to accept connections, in milliseconds. Default 10,000. */
  readyTimeoutMs?: number;
}

const PORT_ATTEMPTS = 5;
const running = new Set<ChildProcess>();

/**
 * Starts Debian's `redis-server` (`apt-get install redis-server`) on 127.0.0.1 with persistence
 * off, and resolves once it accepts connections. Servers still running when the process exits
 * are killed. Rejects when the binary is missing or the server does not come up in time.
 */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServer> {
  // A free port can be taken by someone else before redis-server binds it; then try another.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(port, options.readyTimeoutMs ?? 10_000);
    } catch (error) {
      if (options.port !== undefined || attempt >= PORT_ATTEMPTS || !isPortTaken(error)) throw error;
    }
  }
}

function launch(port: number, readyTimeoutMs: number): Promise<RedisServer> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  return new Promise<RedisServer>((resolve, reject) => {
    let output = '';
    let ready = false;
    const fail = (error: Error) => {
      if (ready) return;
      clearTimeout(timer);
      void end('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start within ${readyTimeoutMs} ms:\n${output}`)),
      readyTimeoutMs,
    );
    child.once('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT';
      fail(
        missing
          ? new Error('redis-server is not installed: `apt-get install -y redis-server` (.ci/run does it)')
          : error,
      );
    });
    child.once('exit', (code, signal) =>
      fail(new Error(`redis-server ended (${signal ?? code}):\n${output}`)),
    );
    const collect = (chunk: Buffer) => {
      if (ready) return;
      output += chunk;
      if (!output.includes('Ready to accept connections')) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        port,
        url: `redis://127.0.0.1:${port}`,
        kill: () => end('SIGKILL'),
        stop: () => end('SIGTERM'),
      });
    };
    // Read to the end, so a full pipe never blocks the server's logging.
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  });
}

function isPortTaken(error: unknown): boolean {
  return error instanceof Error && /Address already in use|Could not create server TCP/.test(error.message);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
