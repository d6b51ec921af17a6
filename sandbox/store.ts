// Persists the sandbox state in <stateDir>/sandbox-state.json. Writes are coalesced (one per
// event-loop turn) and atomic (write a temp file, then rename) so a crash never leaves half a file.
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxState } from './state';

export const STATE_FILE = 'sandbox-state.json';

export class Store {
  private pending: NodeJS.Immediate | null = null;
  private readonly file: string;

  constructor(readonly stateDir: string, public state: SandboxState) {
    this.file = path.join(stateDir, STATE_FILE);
  }

  /** Loads the saved state, or returns null when there is none yet. A corrupt file is an error, not a reset. */
  static load(stateDir: string): SandboxState | null {
    const file = path.join(stateDir, STATE_FILE);
    if (!fs.existsSync(file)) return null;
    const text = fs.readFileSync(file, 'utf8');
    try {
      return JSON.parse(text) as SandboxState;
    } catch (e) {
      throw new Error(`sandbox state file ${file} is not valid JSON (${(e as Error).message}); move it away to start fresh`);
    }
  }

  /** Schedules a save at the end of the current event-loop turn. */
  changed(): void {
    if (this.pending) return;
    this.pending = setImmediate(() => {
      this.pending = null;
      this.flush();
    });
  }

  flush(): void {
    if (this.pending) {
      clearImmediate(this.pending);
      this.pending = null;
    }
    fs.mkdirSync(this.stateDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.state));
    fs.renameSync(tmp, this.file);
  }
}
