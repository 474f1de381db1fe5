// Starts crash writers as real child processes, feeds them "go", kills them with SIGKILL at a random moment,
// and keeps the list of writes each acknowledged before it died.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Ack, WriterConfig } from './crash-writer';

const tsRequire = join(__dirname, 'ts-require.cjs');
const writerEntry = join(__dirname, 'crash-writer.ts');

export type KillFrom = 'go' | 'opened' | 'first_ack';

export interface KillResult {
  acks: Ack[];
  /** Whether the kill came before the writer had opened the file (during open, recovery or migration). */
  killedBeforeReady: boolean;
  /** Set when the writer stopped by itself (a refused write or a crash): the harness reports it as a failure. */
  failure: string | null;
}

/** A loaded writer waiting for "go". */
export class StandbyWriter {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly acks: Ack[] = [];
  private ready = false;
  private failure: string | null = null;
  private stderr = '';
  private readonly closed: Promise<void>;
  private markLoaded: () => void = () => {};
  private markOpened: () => void = () => {};
  private markFirstAck: () => void = () => {};
  /** Resolves once every module is loaded and the writer waits for "go". */
  private readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));
  /** Resolves once it has opened the clinic file. */
  private readonly opened = new Promise<void>((resolve) => (this.markOpened = resolve));
  private readonly firstAck = new Promise<void>((resolve) => (this.markFirstAck = resolve));

  constructor(dbPath: string, config: WriterConfig) {
    this.child = spawn(process.execPath, [tsRequire, writerEntry, dbPath, JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.closed = new Promise((resolve) => this.child.once('close', () => resolve()));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.onLine(line));
  }

  private onLine(line: string): void {
    let message: Partial<Ack> & { loaded?: boolean; ready?: boolean; refused?: string; error?: unknown };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      // A line cut short by the kill never reached the harness whole: that write was not acknowledged.
      return;
    }
    if (message.loaded) this.markLoaded();
    else if (message.ready) {
      this.ready = true;
      this.markOpened();
    }
    else if (message.refused) this.failure = `the writer's ${message.refused} was refused: ${JSON.stringify(message.error)}`;
    else {
      this.acks.push(message as Ack);
      this.markFirstAck();
    }
  }

  /**
   * Sends "go", then SIGKILLs it `delayMs` after a moment: "go" itself (the kill lands in open, WAL recovery
   * or migration), the file being open (it lands in the first, cold write), or the first acknowledged write
   * (it lands among a run of writes). Resolves once its output is all read.
   */
  async runAndKill(plan: { from: KillFrom; delayMs: number }): Promise<KillResult> {
    await Promise.race([this.loaded, this.closed]);
    this.child.stdin.write('go\n');
    if (plan.from === 'opened') await Promise.race([this.opened, this.closed]);
    if (plan.from === 'first_ack') await Promise.race([this.firstAck, this.closed]);
    const exitedEarly = await Promise.race([this.closed.then(() => true), sleep(plan.delayMs).then(() => false)]);
    if (!exitedEarly) this.child.kill('SIGKILL');
    await this.closed;
    if (exitedEarly && !this.failure) this.failure = `the writer exited by itself (code ${this.child.exitCode})`;
    if (this.failure && this.stderr) this.failure += `; its log: ${this.stderr.slice(-1500)}`;
    return { acks: this.acks, killedBeforeReady: !this.ready, failure: this.failure };
  }

  /** For a writer never used (the last standby at the end of a run). */
  async discard(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.closed;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
