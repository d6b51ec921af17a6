// Background tasks of a server process, started once from instrumentation.ts. Each entry is one
// concern (VIM reachability, VNF status tracking, ...) in its own module, loaded on start.
import { log } from './log';

interface BackgroundTask {
  name: string;
  start: () => Promise<void>;
}

const TASKS: BackgroundTask[] = [
  // Loads the policy now, so a broken TRELLIS_POLICY_FILE is reported at start-up, not at the first request.
  { name: 'policy-load', start: async () => void (await import('./policy')).currentPolicy() },
  { name: 'vim-sandbox-seed', start: async () => (await import('./vims/seed')).startSandboxSeed() },
  { name: 'vim-reachability', start: async () => (await import('./vims/monitor')).startVimMonitor() },
  { name: 'vnf-job-runner', start: async () => (await import('./vnfs/runner')).startJobRunner() },
  { name: 'vnf-stack-tracker', start: async () => (await import('./vnfs/tracker')).startStackTracker() },
];

export async function startBackgroundTasks() {
  if (process.env.TRELLIS_BACKGROUND === 'off') return;
  for (const task of TASKS) {
    try {
      await task.start();
      log.info('background task started', { task: task.name });
    } catch (e) {
      log.error('background task failed to start', { task: task.name, error: (e as Error).stack });
    }
  }
}
