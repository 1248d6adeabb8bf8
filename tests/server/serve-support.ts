import { startKezek, type RunningCli } from '../support/cli.js';

export interface Serving {
  url: string;
  cli: RunningCli;
  /** Sends SIGTERM and waits for the process to end. */
  stop(): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** Starts `kezek serve --port 0 …` and waits until it says where it listens. */
export async function startServe(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<Serving> {
  const cli = startKezek(['serve', '--port', '0', ...args], env);
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kezek serve did not start: ${cli.stderr()}`)), timeoutMs);
    cli.child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listening on (http:\/\/\S+?)[ ;(]/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void cli.done.then((r) => {
      clearTimeout(timer);
      reject(new Error(`kezek serve ended (${r.code}): ${r.stderr}`));
    });
  });
  return {
    url,
    cli,
    async stop() {
      if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGTERM');
      const r = await cli.done;
      return { code: r.code, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

/** A JSON request to a listening server. */
export async function request(url: string, o: { method?: string; key?: string; body?: unknown } = {}): Promise<{ status: number; headers: Headers; json: Record<string, unknown> & { [k: string]: unknown } }> {
  const r = await fetch(url, {
    method: o.method ?? (o.body === undefined ? 'GET' : 'POST'),
    headers: { ...(o.key ? { authorization: `Bearer ${o.key}` } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, headers: r.headers, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text } };
}
