import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  argv: string[];
  cmdline: string;
}

/** A service `pnpm start` runs: the launcher's child, and everything it started (PostgreSQL's backends). */
export interface ServiceProcess {
  name: string;
  pid: number;
}

const LAUNCHER = 'packages/launcher/dist/main.js';

function processes(): Proc[] {
  const found: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 follows the parenthesised command name, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      found.push({ pid: Number(entry), ppid, argv, cmdline: argv.join(' ') });
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

function serviceName(cmdline: string): string {
  const app = /apps\/([\w-]+)\/(?:dist\/main\.js|server\.js)/.exec(cmdline);
  if (app?.[1]) return app[1];
  if (cmdline.includes('embedded-pg/dist/cli.js')) return 'postgres';
  return cmdline.split(' ').slice(0, 2).join(' ');
}

/** Inodes of the sockets listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [, local, , state] = fields;
      if (state === '0A' && local && Number.parseInt(local.split(':')[1] ?? '', 16) === port)
        inodes.add(fields[9] ?? '');
    }
  }
  return inodes;
}

function holdsSocket(pid: number, inodes: Set<string>): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      const target = /^socket:\[(\d+)\]$/.exec(readlinkSafe(`/proc/${pid}/fd/${fd}`));
      return target?.[1] !== undefined && inodes.has(target[1]);
    });
  } catch {
    return false;
  }
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

/**
 * The services of the `pnpm start` whose gateway listens on `gatewayPort`:
 * the children of that launcher process (another `pnpm start` may run beside it).
 */
export function findServices(gatewayPort: number): ServiceProcess[] {
  const all = processes();
  const inodes = listeningInodes(gatewayPort);
  // Node running the launcher script itself, not the shell pnpm wraps it in.
  const launchers = all.filter(
    (proc) => /(^|\/)node$/.test(proc.argv[0] ?? '') && proc.argv.some((arg) => arg.endsWith(LAUNCHER)),
  );
  for (const launcher of launchers) {
    const children = all.filter((proc) => proc.ppid === launcher.pid);
    if (!children.some((child) => holdsSocket(child.pid, inodes))) continue;
    return children
      .map((proc) => ({ name: serviceName(proc.cmdline), pid: proc.pid }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  throw new Error(`no \`pnpm start\` launcher (${LAUNCHER}) runs the gateway on port ${gatewayPort}`);
}

/** Whether the process is still there (a service that exits ends the soak). */
export function alive(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`);
    return true;
  } catch {
    return false;
  }
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Resident memory of each service in MB: its own process, plus the processes
 * it started (for PostgreSQL, its backends; their shared buffers count once per process).
 */
export function residentMb(services: ServiceProcess[]): Record<string, number> {
  const all = processes();
  const children = new Map<number, number[]>();
  for (const proc of all) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc.pid]);
  const tree = (pid: number): number[] => [pid, ...(children.get(pid) ?? []).flatMap(tree)];
  return Object.fromEntries(
    services.map((service) => [
      service.name,
      Math.round(tree(service.pid).reduce((sum, pid) => sum + rssKb(pid), 0) / 102.4) / 10,
    ]),
  );
}
